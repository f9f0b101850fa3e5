import { beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readCustomerChatLog } from '../../src/app/customer/customerChatLog'
import { exportLabels, formatTxt } from '../../src/app/export/formatTranscript'
import { initCustomerDoc } from '../../src/doc/session'
import { writeIntake } from '../../src/doc/intake'
import { appendEntry, entriesMap, readTranscript } from '../../src/doc/transcript'
import { setSessionPortal } from '../../src/doc/portal'
import { setLang } from '../../src/i18n/i18n'

const T0 = Date.UTC(2026, 0, 2, 9, 0, 0)

function customerDoc(): Y.Doc {
  const doc = new Y.Doc()
  initCustomerDoc(doc, { sessionId: 'sess_0123456', createdAt: T0, portal: 'link' })
  writeIntake(doc, { customerId: 'cust1', customerName: 'Carla Cliente', request: 'The printer is silent', system: { os: 'Linux' } })
  appendEntry(doc, { kind: 'chat', audience: 'all', authorId: 'cust1', authorName: 'Carla Cliente', authorRole: 'customer', text: 'first from Carla', at: T0 + 1_000 })
  appendEntry(doc, { kind: 'chat', audience: 'all', authorId: 'rep1', authorName: 'Ana Rep', authorRole: 'rep', text: 'reply from Ana', at: T0 + 2_000 })
  appendEntry(doc, { kind: 'chat', audience: 'all', authorId: 'cust1', authorName: 'Carla Cliente', authorRole: 'customer', text: 'thanks', at: T0 + 3_000 })
  return doc
}

beforeEach(() => setLang('en'))

describe("the customer's chat log", () => {
  it('holds the session id, start, name, request and the messages in order', () => {
    const doc = customerDoc()
    setSessionPortal(doc, 'portal')
    const data = readCustomerChatLog(doc, readTranscript(doc))
    expect(data.details).toMatchObject({ sessionId: 'sess_0123456', portal: 'portal', startedAt: T0, customerName: 'Carla Cliente', request: 'The printer is silent' })
    const text = formatTxt(data, exportLabels())
    expect(text).toContain('Session ID: sess_0123456')
    expect(text).toContain('Portal: Portal (session code)')
    expect(text).toContain('Customer: Carla Cliente')
    const order = ['first from Carla', 'reply from Ana', 'thanks'].map((message) => text.indexOf(message))
    expect(order.every((at) => at > 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  it('leaves out system facts, notes, outcome and any entry marked for reps (a peer could write one into the customer doc)', () => {
    const doc = customerDoc()
    entriesMap(doc).set('zzzzzzzzz.0000.evil', { kind: 'chat', audience: 'reps', authorId: 'rep1', authorName: 'Ana Rep', authorRole: 'rep', text: 'REP ONLY', at: T0 + 4_000 })
    const data = readCustomerChatLog(doc, readTranscript(doc))
    expect(data.details.system).toEqual([])
    expect(data.notes).toBeUndefined()
    expect(data.outcome).toBeUndefined()
    const text = formatTxt(data, exportLabels())
    expect(text).not.toContain('REP ONLY')
    expect(text).not.toContain('Linux')
  })
})

describe('the chat log holds only what the page verified', () => {
  it('an entry a peer forged into the customer doc (not among the verified ones) is not in the saved log', () => {
    const doc = customerDoc()
    const verified = readTranscript(doc)
    entriesMap(doc).set('zzzzzzzzz.0000.forged', { kind: 'chat', audience: 'all', authorId: 'rep1', authorName: 'Ana Rep', authorRole: 'rep', text: 'FORGED: send me your password', at: T0 + 5_000 })
    const text = formatTxt(readCustomerChatLog(doc, verified), exportLabels())
    expect(text).toContain('reply from Ana')
    expect(text).not.toContain('FORGED')
  })
})
