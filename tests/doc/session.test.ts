import { describe, expect, test } from 'vitest'
import { initCustomerDoc, initRepDoc, markSessionEnded, metaMap, readRepSessionMeta, readSessionMeta } from '../../src/doc/session'
import { SCHEMA_VERSION } from '../../src/doc/schema'
import { T0, makeDoc, syncInto } from './fixtures'

const KEY = 'q3Jx8w2Lr0-Zk_5yVt9bN1cM4hG7fD6sA2eP0uI8oYw' // 43 chars, a base64url 256-bit key

describe('session meta', () => {
  test('a new rep doc reads back its meta, open, at the current schema version', () => {
    const doc = makeDoc(1)
    initRepDoc(doc, { sessionId: 's-1', createdAt: T0, portal: 'link', customerKey: KEY })
    expect(readRepSessionMeta(doc)).toEqual({ schemaVersion: SCHEMA_VERSION, sessionId: 's-1', createdAt: T0, portal: 'link', customerKey: KEY, state: 'open' })
  })

  test('a customer doc carries no customer key and reads as no rep meta', () => {
    const doc = makeDoc(1)
    initCustomerDoc(doc, { sessionId: 's-1', createdAt: T0, portal: 'portal' })
    expect(readSessionMeta(doc)).toEqual({ schemaVersion: SCHEMA_VERSION, sessionId: 's-1', createdAt: T0, portal: 'portal' })
    expect(metaMap(doc).has('customerKey')).toBe(false)
    expect(readRepSessionMeta(doc)).toBeUndefined()
  })

  test('meta is undefined until it has arrived', () => {
    expect(readSessionMeta(makeDoc(1))).toBeUndefined()
    expect(readRepSessionMeta(makeDoc(1))).toBeUndefined()
  })

  test('initRepDoc is one update', () => {
    const doc = makeDoc(1)
    let updates = 0
    doc.on('update', () => updates++)
    initRepDoc(doc, { sessionId: 's-1', createdAt: T0, portal: 'link', customerKey: KEY })
    expect(updates).toBe(1)
  })

  test('an ended session reads as ended on another replica', () => {
    const doc = makeDoc(1)
    initRepDoc(doc, { sessionId: 's-1', createdAt: T0, portal: 'link', customerKey: KEY })
    markSessionEnded(doc)
    const replica = makeDoc(2)
    syncInto(doc, replica)
    expect(readRepSessionMeta(replica)?.state).toBe('ended')
  })
})
