/**
 * Team portals in the team doc (`portals` map, reps only): each portal's public facts and its two key
 * pairs — sealing (ECDH, src/net/portalSeal.ts) and signing (the portal's facts in the public room).
 * The private halves never leave the team doc; the portal link carries the public halves only.
 */
import type * as Y from 'yjs'
import { boundedString, idString, isRecord, oneOf, timestamp } from './guards'
import { LOCAL, MAX_ID_CHARS, MAX_NAME_CHARS } from './schema'
import { portalsMap } from './teamPortalsMap'

/** Optional intake fields a portal may ask for besides name and problem. */
export const PORTAL_FIELDS = ['email', 'phone', 'order'] as const
export type PortalField = (typeof PORTAL_FIELDS)[number]
/** Languages a portal page can be shown in. */
export const PORTAL_LANGS = ['en', 'es'] as const
export type PortalLang = (typeof PORTAL_LANGS)[number]

/** Longest greeting and opening-hours text. */
export const MAX_GREETING_CHARS = 500
export const MAX_HOURS_CHARS = 200
const MAX_KEY_CHARS = 300 // a PKCS #8 P-256 key is ~184 base64url chars

/** What a customer sees of a portal (signed into the public room). */
export interface PortalFacts {
  name: string
  greeting: string
  hours: string
  lang: PortalLang
  fields: PortalField[]
}

/** A portal as the team doc keeps it. */
export interface TeamPortal extends PortalFacts {
  portalId: string
  createdAt: number
  /** ECDH key pair (base64url raw public, PKCS #8 private). */
  seal: { publicKey: string; privateKey: string }
  /** Signing key pair for the portal's facts. */
  sign: { publicKey: string; privateKey: string }
}

export { portalsMap }

/** Parses a portal's public facts; undefined when malformed. */
export function parsePortalFacts(raw: unknown): PortalFacts | undefined {
  if (!isRecord(raw)) return undefined
  const name = boundedString(raw.name, MAX_NAME_CHARS)
  const greeting = boundedString(raw.greeting, MAX_GREETING_CHARS)
  const hours = boundedString(raw.hours, MAX_HOURS_CHARS)
  const lang = oneOf(raw.lang, PORTAL_LANGS)
  const fields = Array.isArray(raw.fields) ? [...new Set(raw.fields.flatMap((field) => oneOf(field, PORTAL_FIELDS) ?? []))] : []
  if (name === undefined || name.trim() === '' || greeting === undefined || hours === undefined || !lang) return undefined
  return { name, greeting, hours, lang, fields }
}

function keyPair(raw: unknown): { publicKey: string; privateKey: string } | undefined {
  if (!isRecord(raw)) return undefined
  const publicKey = idString(raw.publicKey, MAX_KEY_CHARS)
  const privateKey = idString(raw.privateKey, MAX_KEY_CHARS)
  return publicKey && privateKey ? { publicKey, privateKey } : undefined
}

/** Parses one portal row. */
export function parseTeamPortal(id: unknown, raw: unknown): TeamPortal | undefined {
  const portalId = idString(id, MAX_ID_CHARS)
  const facts = parsePortalFacts(raw)
  if (!portalId || !facts || !isRecord(raw)) return undefined
  const createdAt = timestamp(raw.createdAt)
  const seal = keyPair(raw.seal)
  const sign = keyPair(raw.sign)
  return createdAt !== undefined && seal && sign ? { portalId, createdAt, seal, sign, ...facts } : undefined
}

/** Adds or replaces a portal. */
export function putTeamPortal(doc: Y.Doc, portal: TeamPortal): void {
  const { portalId, ...row } = portal
  doc.transact(() => portalsMap(doc).set(portalId, { ...row, fields: [...row.fields], seal: { ...row.seal }, sign: { ...row.sign } }), LOCAL)
}

/** Every valid portal of the team, oldest first. */
export function readTeamPortals(doc: Y.Doc): TeamPortal[] {
  const out: TeamPortal[] = []
  portalsMap(doc).forEach((raw, id) => {
    const portal = parseTeamPortal(id, raw)
    if (portal) out.push(portal)
  })
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.portalId < b.portalId ? -1 : 1))
}

/** The facts of a portal as signed into the public room (a stable byte form: keys in a fixed order). */
export function portalFactsText(portalId: string, facts: PortalFacts): string {
  return JSON.stringify(['asiste/portal-facts/v1', portalId, facts.name, facts.greeting, facts.hours, facts.lang, facts.fields])
}

/** One taken request in the team's queue log (`portalLog` map, keyed by request id): for the queue's numbers. */
export interface QueueLogRow {
  requestId: string
  portalId: string
  repId: string
  /** When the customer's pick was made. */
  takenAt: number
  /** How long the request waited (submit → pick). */
  waitedMs: number
}

const QUEUE_LOG = 'portalLog'
const SPAM = 'portalSpam'
/** Rows kept in the log: the oldest go first (numbers cover recent days only). */
export const MAX_QUEUE_LOG_ROWS = 2_000

/** Records a taken request (the winning rep's client; idempotent). */
export function putQueueLog(doc: Y.Doc, row: QueueLogRow): void {
  const map = doc.getMap<unknown>(QUEUE_LOG)
  if (map.has(row.requestId)) return
  const { requestId, ...rest } = row
  doc.transact(() => {
    map.set(requestId, rest)
    if (map.size > MAX_QUEUE_LOG_ROWS) {
      const oldest = readQueueLog(doc).slice(0, map.size - MAX_QUEUE_LOG_ROWS)
      for (const old of oldest) map.delete(old.requestId)
    }
  }, LOCAL)
}

/** The queue log, oldest first. */
export function readQueueLog(doc: Y.Doc): QueueLogRow[] {
  const out: QueueLogRow[] = []
  doc.getMap<unknown>(QUEUE_LOG).forEach((raw, id) => {
    const requestId = idString(id, MAX_ID_CHARS)
    if (!requestId || !isRecord(raw)) return
    const portalId = idString(raw.portalId, MAX_ID_CHARS)
    const repId = idString(raw.repId, MAX_ID_CHARS)
    const takenAt = timestamp(raw.takenAt)
    const waitedMs = timestamp(raw.waitedMs)
    if (portalId && repId && takenAt !== undefined && waitedMs !== undefined) out.push({ requestId, portalId, repId, takenAt, waitedMs })
  })
  return out.sort((a, b) => a.takenAt - b.takenAt)
}

/** Marks a writer (Yjs client id) of a portal's room as spam: every rep's queue ignores its requests. */
export function markSpamWriter(doc: Y.Doc, portalId: string, writer: number, now: number): void {
  doc.transact(() => doc.getMap<unknown>(SPAM).set(`${portalId}:${writer}`, now), LOCAL)
}

/** The writers marked spam in a portal's room. */
export function readSpamWriters(doc: Y.Doc, portalId: string): Set<number> {
  const out = new Set<number>()
  const prefix = `${portalId}:`
  doc.getMap<unknown>(SPAM).forEach((_raw, key) => {
    if (!key.startsWith(prefix)) return
    const writer = Number(key.slice(prefix.length))
    if (Number.isSafeInteger(writer)) out.add(writer)
  })
  return out
}

/** The queue's numbers: waiting now, median wait of today's taken requests, taken per rep today. */
export interface QueueNumbers {
  waiting: number
  medianWaitMs: number | undefined
  takenToday: { repId: string; count: number }[]
}

/** Computes the numbers from the log; `dayStart` is local midnight in ms. */
export function queueNumbers(log: readonly QueueLogRow[], waiting: number, dayStart: number): QueueNumbers {
  const today = log.filter((row) => row.takenAt >= dayStart)
  const waits = today.map((row) => row.waitedMs).sort((a, b) => a - b)
  const middle = Math.floor(waits.length / 2)
  const medianWaitMs = waits.length === 0 ? undefined : waits.length % 2 === 1 ? waits[middle] : ((waits[middle - 1] ?? 0) + (waits[middle] ?? 0)) / 2
  const counts = new Map<string, number>()
  for (const row of today) counts.set(row.repId, (counts.get(row.repId) ?? 0) + 1)
  return { waiting, medianWaitMs, takenToday: [...counts].map(([repId, count]) => ({ repId, count })).sort((a, b) => b.count - a.count || (a.repId < b.repId ? -1 : 1)) }
}
