/**
 * What a transcript export contains, read from a rep doc as plain, validated
 * data: the details header, the entries in transcript order (rep-only ones
 * only when asked), the session notes when asked, and the session's outcome.
 * Formatting (text, HTML, JSON) lives in src/app/export/formatTranscript.ts.
 */
import type * as Y from 'yjs'
import type { Entry } from './entry'
import { boundedString, oneOf } from './guards'
import { readIntake } from './intake'
import { readNotes } from './notes'
import { MAX_MESSAGE_CHARS } from './schema'
import { metaMap, readRepSessionMeta, readSessionMeta } from './session'
import { readTranscript } from './transcript'

/** How a session ended, as the closing rep recorded it in `meta.outcome`. */
export const OUTCOMES = ['resolved', 'unresolved', 'unknown'] as const
export type Outcome = (typeof OUTCOMES)[number]

/**
 * The system facts an export shows, in display order. Other keys a customer
 * page may send are left out: a key such as `sessionId` would otherwise pose
 * as a trusted header row.
 */
export const SYSTEM_FACTS = ['os', 'browser', 'language', 'timeZone', 'screen', 'memory', 'cores', 'connection', 'online'] as const
export type SystemFactKey = (typeof SYSTEM_FACTS)[number]

/** Longest closing note read back (as long as a chat message: a summary, not a file). */
const MAX_CLOSING_NOTE_CHARS = MAX_MESSAGE_CHARS

/** What the rep chose to include. Both default to false: an export leaves rep-only content out unless asked. */
export interface ExportOptions {
  includeRepOnly: boolean
  includeNotes: boolean
}

/** One consented system fact of the customer. */
export interface SystemFact {
  key: SystemFactKey
  value: string
}

/** The details header of an export. Fields are undefined while the doc lacks them. */
export interface ExportDetails {
  sessionId: string | undefined
  portal: string | undefined
  /** When the rep created the session, ms since the epoch. */
  startedAt: number | undefined
  state: 'open' | 'ended' | undefined
  customerId: string | undefined
  customerName: string | undefined
  request: string | undefined
  /** The known facts the customer shared, in SYSTEM_FACTS order. Empty without consent. */
  system: SystemFact[]
}

/** The recorded end of a session; absent parts are undefined. */
export interface ExportOutcome {
  result: Outcome | undefined
  closingNote: string | undefined
}

/** Everything an export shows, as plain data. */
export interface ExportData {
  details: ExportDetails
  entries: Entry[]
  /** The session notes: only when asked for and not blank. */
  notes: string | undefined
  /** Undefined until a rep has recorded an outcome or a closing note. */
  outcome: ExportOutcome | undefined
}

/** The known system facts of a validated `system` record, in display order. */
export function pickSystemFacts(system: Record<string, string>): SystemFact[] {
  return SYSTEM_FACTS.flatMap((key) => {
    const value = Object.hasOwn(system, key) ? system[key] : undefined
    return value === undefined || value === '' ? [] : [{ key, value }]
  })
}

/** Reads `meta.outcome` and `meta.closingNote` defensively (either may be missing or malformed). */
export function readOutcome(repDoc: Y.Doc): ExportOutcome | undefined {
  const meta = metaMap(repDoc)
  const result = oneOf(meta.get('outcome'), OUTCOMES)
  const note = boundedString(meta.get('closingNote'), MAX_CLOSING_NOTE_CHARS)
  const closingNote = note !== undefined && note.trim() !== '' ? note : undefined
  return result === undefined && closingNote === undefined ? undefined : { result, closingNote }
}

/** Reads the details block of a rep doc (what heads the Details panel, the transcript and every export). */
export function readExportDetails(repDoc: Y.Doc): ExportDetails {
  // The rep meta needs customerKey; the shared part is enough for a header.
  const repMeta = readRepSessionMeta(repDoc)
  const meta = repMeta ?? readSessionMeta(repDoc)
  const intake = readIntake(repDoc, 'rep')
  return {
    sessionId: meta?.sessionId,
    portal: meta?.portal,
    startedAt: meta?.createdAt,
    state: repMeta?.state,
    customerId: intake?.customerId,
    customerName: intake?.customerName,
    request: intake?.request,
    system: pickSystemFacts(intake?.system ?? {}),
  }
}

/** Reads the export of a rep doc. Pure: reads the doc, never writes it. */
export function readExportData(repDoc: Y.Doc, options: Partial<ExportOptions> = {}): ExportData {
  const includeRepOnly = options.includeRepOnly === true
  const includeNotes = options.includeNotes === true
  const notes = includeNotes ? readNotes(repDoc) : ''
  return {
    details: readExportDetails(repDoc),
    entries: readTranscript(repDoc).filter((entry) => includeRepOnly || entry.audience !== 'reps'),
    notes: notes.trim() === '' ? undefined : notes,
    outcome: readOutcome(repDoc),
  }
}
