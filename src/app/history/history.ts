/**
 * History: every session stored on this device, its read-only transcript,
 * full-text search over all of them, deletion, export and import. The search
 * index lives in a worker (src/store/searchClient.ts); it is fed incrementally
 * (entries as they reach the open rep docs, a stored doc once when first seen)
 * and persisted per session, so a query never reopens documents.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import { readEntry, readTranscript } from '../../doc/transcript'
import type { Entry } from '../../doc/entry'
import { readSessionMeta } from '../../doc/session'
import { readIntake } from '../../doc/intake'
import { readAttendees } from '../../doc/attendees'
import { readOutcome } from '../../doc/exportData'
import { docDatabaseName } from '../../store/persistDoc'
import { forgetReadMark } from '../../store/readMarks'
import { deleteCredentialKeys } from '../../store/credentialKeys'
import { forgetLocalPending } from '../session/syncMarks'
import type { IndexedEntry, SearchHit } from '../../store/searchIndex'
import type { SearchService } from '../../store/searchStore'
import * as stored from '../../store/localDatabases'
import { readStorageInfo, type StorageInfo } from '../../store/storageQuota'
import { isQuotaError } from '../../store/storageQuota'
import { ArchivePassphraseError, buildArchive, encryptArchive, openArchive } from './sessionArchive'
import { createHistoryWatch, type HistoryWatch, type HistoryWorkspace } from './historyWatch'

export { isQuotaError, ArchivePassphraseError }
import { downloadFile } from '../shell/download'

/** A past (or open) session as History lists it. */
export interface HistorySession {
  sessionId: string
  customerName: string
  createdAt: number
  outcome?: string
  reps: string[]
  /** The customer's satisfaction rating (1–5), when they gave one. */
  rating?: number
  /** The team portal the customer came from (issue 22), when they came from one. */
  portal?: string
}

/** A search hit with its session's customer. */
export type HistoryHit = SearchHit & { customerName: string }

/** History's state and actions. */
export interface History {
  sessions: Accessor<HistorySession[]>
  /** Loads the stored index and catches up (first call only); History calls it when shown, so a console start never pays for it. */
  load(): Promise<void>
  ready: Accessor<boolean>
  /** Storage used by this origin and whether the browser keeps it (undefined where unknown). */
  storage: Accessor<StorageInfo | undefined>
  /** Hits for a query, best first (answered by the search worker). */
  search(query: string): Promise<HistoryHit[]>
  /** The transcript of a session (live doc if open, else read from disk). */
  transcript(sessionId: string): Promise<Entry[]>
  /** Whether the session is open in a tab (then it cannot be deleted). */
  isOpen(sessionId: string): boolean
  remove(sessionId: string): Promise<void>
  /** Deletes every session not open in a tab; returns how many. */
  removeAll(): Promise<number>
  /** Why an import or export failed, in words the History page shows (undefined: say it failed). */
  archiveProblem(cause: unknown): 'diskFull' | 'passphraseNeeded' | 'passphraseWrong' | undefined
  /** Downloads every session of this device; encrypted when `passphrase` is not empty (plaintext otherwise). */
  exportAll(passphrase?: string): Promise<void>
  /** Merges an archive file in; an encrypted one needs its passphrase (ArchivePassphraseError otherwise). */
  importArchive(text: string, passphrase?: string): Promise<number>
}

/** Batches index writes (only changed sessions are rewritten, in the worker); open sessions are re-read at start anyway. */
const SAVE_DELAY_MS = 10_000

/** Searchable entries among `entries`: messages and pushed URLs (status notes hold only names). */
function indexable(sessionId: string, entries: Entry[]): IndexedEntry[] {
  return entries.filter((entry) => entry.kind !== 'status').map((entry) => ({ sessionId, entryId: entry.id, text: entry.text, at: entry.at }))
}

/** The entries of `doc` whose ids are in `ids` (what one transaction added), parsed one by one. */
function changedEntries(doc: Y.Doc, ids: Iterable<string>): Entry[] {
  return [...ids].flatMap((id) => readEntry(doc, id) ?? [])
}

/** The rating among `entries` (a `rated` note; the record holds only the bound customer's, verified). */
function ratingIn(entries: Entry[]): number | undefined {
  const note = entries.find((entry) => entry.event === 'rated' && entry.authorRole === 'customer')
  return note ? Number(note.text) : undefined
}

function summarize(sessionId: string, doc: Y.Doc, rating: number | undefined): HistorySession {
  const outcome = readOutcome(doc)?.result
  const portal = readSessionMeta(doc)?.portal
  return {
    ...(rating === undefined ? {} : { rating }),
    sessionId,
    customerName: readIntake(doc, 'rep')?.customerName ?? '',
    createdAt: readSessionMeta(doc)?.createdAt ?? 0,
    reps: readAttendees(doc).filter((attendee) => attendee.role === 'rep').map((attendee) => attendee.name),
    ...(outcome ? { outcome } : {}),
    ...(portal !== undefined && portal !== 'link' && portal !== 'portal' ? { portal } : {}), // 'link' and 'portal' are ways in, not team portals
  }
}

function parseSummaries(raw: unknown): Map<string, HistorySession> {
  const map = new Map<string, HistorySession>()
  if (!Array.isArray(raw)) return map
  for (const item of raw as Partial<HistorySession>[]) {
    if (typeof item?.sessionId === 'string' && typeof item.customerName === 'string' && typeof item.createdAt === 'number' && Array.isArray(item.reps)) {
      const { rating, ...rest } = item
      const valid = typeof rating === 'number' && Number.isInteger(rating) && rating >= 1 && rating <= 5
      map.set(item.sessionId, { ...rest, ...(valid ? { rating } : {}), reps: item.reps.filter((name) => typeof name === 'string') } as HistorySession)
    }
  }
  return map
}

export type { HistoryWorkspace }

/**
 * Creates History for the console's workspace. Must run inside a reactive owner. `watch` is what has
 * followed the open sessions since the console started (the console loads this module only when History
 * is first shown, see lazyHistory.ts); without one, History starts watching now.
 */
export function createHistory(workspace: HistoryWorkspace, watch: HistoryWatch = createHistoryWatch(workspace)): History {
  let engine: SearchService | undefined
  let summaries = new Map<string, HistorySession>()
  const [sessions, setSessions] = createSignal<HistorySession[]>([])
  const [ready, setReady] = createSignal(false)
  const [storage, setStorage] = createSignal<StorageInfo>()
  const refreshStorage = (): void => {
    void readStorageInfo()
      .then(setStorage)
      .catch(() => setStorage(undefined))
  }
  const { watched, dirty } = watch
  let saveTimer: ReturnType<typeof setTimeout> | undefined

  const publish = (): void => {
    setSessions([...summaries.values()].sort((a, b) => b.createdAt - a.createdAt))
  }
  const flush = (): void => {
    if (saveTimer === undefined) return
    clearTimeout(saveTimer)
    saveTimer = undefined
    if (!engine) return
    dirty.clear()
    void Promise.all([engine.flush(), stored.writeStoredSummaries([...summaries.values()])])
      .then(() => stored.writeStoredDirty([...dirty]))
      .catch((cause: unknown) => console.warn('history could not save the search index', cause))
  }
  const save = (): void => {
    clearTimeout(saveTimer)
    saveTimer = setTimeout(flush, SAVE_DELAY_MS)
  }
  const onHide = (): void => {
    if (document.visibilityState === 'hidden') flush() // the tab may be closed next
  }
  document.addEventListener('visibilitychange', onHide)
  /** Indexes `entries` of a session (all of them when omitted) and refreshes its History row. */
  const absorb = (sessionId: string, doc: Y.Doc, entries?: Entry[]): void => {
    const list = entries ?? readTranscript(doc)
    if (engine) void engine.add(indexable(sessionId, list))
    // Only changed entries are at hand for an open session: a rating seen before is kept.
    summaries.set(sessionId, summarize(sessionId, doc, ratingIn(list) ?? summaries.get(sessionId)?.rating))
    publish()
    save()
  }

  let loaded: Promise<void> | undefined
  const load = (): Promise<void> => (loaded ??= catchUp().catch((cause: unknown) => console.warn('history could not load', cause)))
  const catchUp = async (): Promise<void> => {
    // The client is its own chunk, fetched when History first loads, so a console start never downloads it.
    const search = (engine = await (await import('../../store/searchClient')).createSearchClient())
    // A session with no readable segment (first start, a corrupt record) is indexed once more.
    const indexed = new Set(await search.load())
    void stored.forgetLegacyIndex()
    summaries = parseSummaries(await stored.readStoredSummaries())
    const stale = new Set([...(await stored.readStoredDirty()), ...dirty])
    const onDisk = new Set((await stored.listDocDatabases()).filter((db) => db.kind === 'rep').map((db) => db.id))
    for (const sessionId of new Set([...summaries.keys(), ...indexed])) {
      if (onDisk.has(sessionId)) continue
      summaries.delete(sessionId) // deleted meanwhile (e.g. in another tab): its entries leave the index too
      void search.remove(sessionId)
    }
    for (const sessionId of onDisk) {
      if ((summaries.has(sessionId) && !stale.has(sessionId) && indexed.has(sessionId)) || workspace.session(sessionId)) continue
      const doc = await stored.loadStoredDoc(docDatabaseName('rep', sessionId))
      absorb(sessionId, doc)
      doc.destroy()
    }
    for (const [sessionId] of watched) {
      const doc = workspace.session(sessionId)?.repDoc
      if (doc !== watched.get(sessionId)?.doc) continue
      if (doc) absorb(sessionId, doc)
    }
    publish()
    setReady(true)
    refreshStorage()
  }
  // Open sessions feed the index as entries arrive (only the entries a transaction touched are parsed).
  watch.listen({
    changed: (sessionId, doc, ids) => ready() && absorb(sessionId, doc, changedEntries(doc, ids)),
    watching: (sessionId, doc) => ready() && absorb(sessionId, doc),
  })
  onCleanup(() => {
    watch.listen(undefined)
    document.removeEventListener('visibilitychange', onHide)
    flush()
  })

  const names = (): Map<string, string> => new Map([...summaries.values()].map((row) => [row.sessionId, row.customerName]))

  return {
    sessions,
    load,
    ready,
    storage,
    async search(query) {
      if (!engine || query.trim() === '') return []
      const hits = await engine.search(query)
      const customers = names()
      return hits.map((hit) => ({ ...hit, customerName: customers.get(hit.sessionId) ?? '' }))
    },
    async transcript(sessionId) {
      const live = workspace.session(sessionId)?.repDoc
      if (live) return readTranscript(live)
      const doc = await stored.loadStoredDoc(docDatabaseName('rep', sessionId))
      const entries = readTranscript(doc)
      doc.destroy()
      return entries
    },
    archiveProblem: (cause) => (cause instanceof ArchivePassphraseError ? (cause.reason === 'needed' ? 'passphraseNeeded' : 'passphraseWrong') : isQuotaError(cause) ? 'diskFull' : undefined),
    isOpen: (sessionId) => workspace.session(sessionId) !== undefined,
    async remove(sessionId) {
      if (workspace.session(sessionId)) throw new Error('close the session first')
      await Promise.all([stored.deleteDatabase(docDatabaseName('rep', sessionId)), stored.deleteDatabase(docDatabaseName('customer', sessionId))])
      // What else this device kept of the session: its reading position, credential request keys, "waiting to sync" marks.
      forgetReadMark(sessionId)
      await Promise.all([deleteCredentialKeys(sessionId), forgetLocalPending(sessionId)])
      await engine?.remove(sessionId)
      summaries.delete(sessionId)
      publish()
      save()
      refreshStorage()
    },
    async removeAll() {
      await load()
      const closed = [...summaries.keys()].filter((sessionId) => !workspace.session(sessionId))
      for (const sessionId of closed) await this.remove(sessionId)
      return closed.length
    },
    async exportAll(passphrase = '') {
      await load()
      const databases = (await stored.listDocDatabases()).filter((db) => db.kind !== 'team')
      const docs = await Promise.all(databases.map(async (db) => ({ name: db.name, update: await stored.readDocUpdate(db.name) })))
      const plain = buildArchive(docs)
      const content = passphrase === '' ? plain : await encryptArchive(plain, passphrase)
      downloadFile(`asiste-archive-${new Date().toISOString().slice(0, 10)}${passphrase === '' ? '' : '-encrypted'}.json`, 'application/json', content)
    },
    async importArchive(text, passphrase = '') {
      await load()
      const docs = await openArchive(text, passphrase)
      for (const doc of docs) await stored.writeDocUpdate(doc.name, doc.update)
      for (const doc of docs) {
        const parsed = stored.parseDatabaseName(doc.name)
        if (parsed?.kind !== 'rep') continue
        const loadedDoc = workspace.session(parsed.id)?.repDoc ?? (await stored.loadStoredDoc(doc.name))
        absorb(parsed.id, loadedDoc)
        if (!workspace.session(parsed.id)) loadedDoc.destroy()
      }
      refreshStorage()
      return docs.filter((doc) => stored.parseDatabaseName(doc.name)?.kind === 'rep').length
    },
  }
}
