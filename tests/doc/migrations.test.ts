import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { MIGRATIONS, checkSchema, migrateDoc, readDocKind } from '../../src/doc/migrations'
import { SCHEMA_VERSION } from '../../src/doc/schema'
import { initCustomerDoc, initRepDoc, readRepSessionMeta } from '../../src/doc/session'
import { initTeamDoc } from '../../src/doc/team'
import { readTranscript } from '../../src/doc/transcript'
import { T0, fromHostilePeer, makeDoc, syncBoth } from './fixtures'

const KEY = 'q3Jx8w2Lr0-Zk_5yVt9bN1cM4hG7fD6sA2eP0uI8oYw'

/**
 * A rep doc exactly as a schemaVersion 1 build wrote it (raw values, not today's writers):
 * meta without `kind`, three entries written by two clients, session notes.
 */
function v1RepDoc(clientID: number): Y.Doc {
  const doc = makeDoc(clientID)
  doc.transact(() => {
    const meta = doc.getMap<unknown>('meta')
    meta.set('schemaVersion', 1)
    meta.set('sessionId', 'Ab3_xY9-kLmN')
    meta.set('createdAt', T0)
    meta.set('portal', 'link')
    meta.set('customerKey', KEY)
    meta.set('state', 'open')
    const entries = doc.getMap<unknown>('entries')
    const base = { audience: 'all', at: T0 }
    entries.set('loyw3a4w0.0001.2s', { ...base, kind: 'chat', authorId: 'cust-1', authorName: 'Carla', authorRole: 'customer', text: 'printer?' })
    entries.set('loyw3a4w0.0000.1', { ...base, kind: 'status', event: 'sessionStarted', authorId: 'rep-1', authorName: 'Rafa', authorRole: 'system', text: 'Rafa' })
    entries.set('loyw3a4w1.0000.1', { ...base, kind: 'chat', audience: 'reps', authorId: 'rep-1', authorName: 'Rafa', authorRole: 'rep', text: 'note to reps' })
    doc.getText('notes').insert(0, 'customer uses Windows')
  })
  return doc
}

/** How many updates `run` makes `doc` emit (0 means it wrote nothing). */
function updatesDuring(doc: Y.Doc, run: () => void): number {
  let count = 0
  const count1 = (): void => void count++
  doc.on('update', count1)
  run()
  doc.off('update', count1)
  return count
}

describe('schema migrations', () => {
  test('the steps run from version 1 to SCHEMA_VERSION without a gap', () => {
    expect(MIGRATIONS.map((step) => step.from)).toEqual(Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1))
  })

  test('a version 1 rep doc opens as the current version without losing an entry, a note or its meta', () => {
    const doc = v1RepDoc(1)
    const before = readTranscript(doc)
    expect(before).toHaveLength(3)
    expect(checkSchema(doc)).toEqual({ status: 'older', version: 1 })

    expect(migrateDoc(doc, 'rep')).toEqual({ status: 'migrated', version: 1 })

    expect(checkSchema(doc)).toEqual({ status: 'current', version: SCHEMA_VERSION })
    expect(readDocKind(doc)).toBe('rep')
    expect(readTranscript(doc)).toEqual(before)
    expect(doc.getText('notes').toString()).toBe('customer uses Windows')
    expect(readRepSessionMeta(doc)).toMatchObject({ schemaVersion: SCHEMA_VERSION, sessionId: 'Ab3_xY9-kLmN', customerKey: KEY, state: 'open' })
  })

  test('migrating twice writes nothing the second time', () => {
    const doc = v1RepDoc(1)
    migrateDoc(doc, 'rep')
    expect(updatesDuring(doc, () => expect(migrateDoc(doc, 'rep')).toEqual({ status: 'current', version: SCHEMA_VERSION }))).toBe(0)
  })

  test('two peers that migrate the same v1 doc at once converge, every entry kept', () => {
    const a = v1RepDoc(1)
    const b = makeDoc(2)
    syncBoth(a, b)
    migrateDoc(a, 'rep')
    migrateDoc(b, 'rep')
    syncBoth(a, b)
    expect(a.getMap('meta').toJSON()).toEqual(b.getMap('meta').toJSON())
    expect(readTranscript(b)).toEqual(readTranscript(a))
    expect(readTranscript(a)).toHaveLength(3)
    expect(checkSchema(b)).toEqual({ status: 'current', version: SCHEMA_VERSION })
  })

  test('a newer version is reported and never rewritten', () => {
    const doc = v1RepDoc(1)
    fromHostilePeer(doc, (peer) => peer.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1))
    expect(checkSchema(doc)).toEqual({ status: 'newer', version: SCHEMA_VERSION + 1 })
    expect(updatesDuring(doc, () => expect(migrateDoc(doc, 'rep')).toEqual({ status: 'newer', version: SCHEMA_VERSION + 1 }))).toBe(0)
    expect(readTranscript(doc)).toHaveLength(3) // still readable
  })

  test.each([['a string', '1'], ['a fraction', 1.5], ['zero', 0], ['a negative number', -1]])('a version that is %s counts as unknown (read only)', (_name, version) => {
    const doc = v1RepDoc(1)
    fromHostilePeer(doc, (peer) => peer.getMap('meta').set('schemaVersion', version))
    expect(checkSchema(doc)).toEqual({ status: 'newer', version: undefined })
    expect(updatesDuring(doc, () => migrateDoc(doc, 'rep'))).toBe(0)
  })

  test('an empty doc (still arriving from peers) is left alone', () => {
    const doc = makeDoc(1)
    expect(updatesDuring(doc, () => expect(migrateDoc(doc, 'customer')).toEqual({ status: 'empty' }))).toBe(0)
  })

  test('documents made by this build are current and say which they are', () => {
    const rep = makeDoc(1)
    const customer = makeDoc(2)
    const team = makeDoc(3)
    initRepDoc(rep, { sessionId: 's-1', createdAt: T0, portal: 'link', customerKey: KEY })
    initCustomerDoc(customer, { sessionId: 's-1', createdAt: T0, portal: 'link' })
    initTeamDoc(team, 'team-1', 'Support')
    for (const [doc, kind] of [[rep, 'rep'], [customer, 'customer'], [team, 'team']] as const) {
      expect(checkSchema(doc)).toEqual({ status: 'current', version: SCHEMA_VERSION })
      expect(readDocKind(doc)).toBe(kind)
    }
  })
})
