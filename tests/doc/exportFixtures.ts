/** A rep doc of a finished-looking session, shared by the export tests (model, formatters, dialog). */
import * as Y from 'yjs'
import { appendEntry } from '../../src/doc/transcript'
import { initRepDoc, metaMap } from '../../src/doc/session'
import { intakeMap } from '../../src/doc/intake'
import { notesText } from '../../src/doc/notes'
import { T0, chat, makeDoc, repChat } from './fixtures'

/** Ids and texts of what `exportSession` wrote, to assert against. */
export interface ExportSession {
  doc: Y.Doc
  /** Every entry id in transcript order, rep-only one included. */
  ids: string[]
  /** The id of the rep-only message. */
  repOnlyId: string
}

export const SESSION_ID = 'sess-42'
export const CUSTOMER_MESSAGE = 'My printer does not print'
export const REP_MESSAGE = 'Let us check the driver.\nOpen Settings > Printers.'
export const REP_ONLY_MESSAGE = 'Private: this customer called twice already'
export const NOTES = 'Driver 5.1 fixes it.\nFollow up Monday.'

/**
 * A rep doc with meta, details (consented system facts plus an extra key a
 * customer page slipped in), a status note, a customer message, a multi-line
 * rep message, a rep-only message and session notes.
 */
export function exportSession(options: { system?: Record<string, string> } = {}): ExportSession {
  const doc = makeDoc(7)
  initRepDoc(doc, { sessionId: SESSION_ID, createdAt: T0, portal: 'link', customerKey: 'k'.repeat(22) })
  const details = intakeMap(doc, 'rep')
  details.set('customerId', 'cust-1')
  details.set('customerName', 'Carla')
  details.set('request', 'Printer\nstopped')
  details.set(
    'system',
    options.system ?? {
      online: 'online',
      os: 'Windows NT 10.0',
      browser: 'Chrome 120',
      language: 'es-ES',
      timeZone: 'Europe/Madrid',
      screen: '1920×1080 @1x',
      memory: '8 GB',
      cores: '8',
      sessionId: 'forged-id',
    },
  )
  const ids = [
    appendEntry(doc, { kind: 'status', audience: 'all', authorId: 'rep-1', authorName: 'Rafa', authorRole: 'system', text: 'Carla', event: 'joined', at: T0 + 1_000 }),
    appendEntry(doc, chat({ text: CUSTOMER_MESSAGE, at: T0 + 2_000 })),
    appendEntry(doc, repChat({ text: REP_MESSAGE, at: T0 + 3_000 })),
    appendEntry(doc, repChat({ text: REP_ONLY_MESSAGE, audience: 'reps', at: T0 + 4_000 })),
  ]
  notesText(doc).insert(0, NOTES)
  return { doc, ids, repOnlyId: ids[3] ?? '' }
}

/** Records `meta.outcome` and `meta.closingNote` as the End session dialog would. */
export function endSession(doc: Y.Doc, outcome: unknown, closingNote: unknown): void {
  doc.transact(() => {
    metaMap(doc).set('outcome', outcome)
    metaMap(doc).set('closingNote', closingNote)
  })
}
