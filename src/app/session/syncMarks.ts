/**
 * The "waiting to sync" marks of one rep doc: notes and session-status
 * changes made on this device that no rep peer holds yet (see pendingSync.ts
 * for what "holds" means). Publishes what this page holds so the peers can do
 * the same, and keeps the pending state in a local record so the marks survive
 * a reload or a closed tab while offline.
 */
import { createSignal } from 'solid-js'
import * as Y from 'yjs'
import { LOCAL } from '../../doc/schema'
import { notesText } from '../../doc/notes'
import { attendeesMap } from '../../doc/attendees'
import { metaMap } from '../../doc/session'
import { toBase64Url } from '../../net/roomKeys'
import type { DocConnection } from '../../net/connectDoc'
import { deleteLocal, readLocal, writeLocal } from '../../store/keyValue'
import { NOTHING_PENDING, addClock, isWaiting, mergePending, notesDigest, parsePeerHeld, parsePending, settle, type PeerHeld, type PendingSync } from './pendingSync'

/** Where the pending state of one session is kept. */
export interface PendingStore {
  read(): Promise<unknown>
  write(pending: PendingSync): Promise<void>
}

/** The marks of one session. */
export interface SyncMarks {
  /** Whether local edits of this kind wait for a rep peer (reactive). */
  waiting(kind: 'notes' | 'session'): boolean
  stop(): void
}

/** A burst of keystrokes republishes what this page holds once: awareness goes to every rep peer. */
export const HELD_PUBLISH_MS = 500

/** Meta keys a rep changes by ending the session (the rest is written once, at creation). */
const SESSION_META_KEYS = new Set(['state', 'outcome', 'closingNote', 'endedAt'])

/** The pending state of `sessionId` in this device's local records (removed when nothing waits). */
export function localPendingStore(sessionId: string): PendingStore {
  const key = pendingKey(sessionId)
  return {
    read: () => readLocal(key),
    write: (pending) => (isWaiting(pending, 'notes') || isWaiting(pending, 'session') ? writeLocal(key, pending) : deleteLocal(key)),
  }
}

/** The device-local key of a session's "waiting to sync" marks. */
function pendingKey(sessionId: string): string {
  return `syncPending:${sessionId}`
}

/** Forgets a session's "waiting to sync" marks (History deleted the session from this device). */
export function forgetLocalPending(sessionId: string): Promise<void> {
  return deleteLocal(pendingKey(sessionId))
}

/** Starts tracking `doc`'s local edits against what the rep peers of `connection` hold. */
export function trackSyncMarks(doc: Y.Doc, connection: Pick<DocConnection, 'onChange' | 'setHeld' | 'peerHeld'>, store: PendingStore): SyncMarks {
  const notes = notesText(doc)
  const attendees = attendeesMap(doc)
  const meta = metaMap(doc)
  const [pending, setPending] = createSignal<PendingSync>(NOTHING_PENDING)
  let loaded = false
  let stopped = false

  let queued: PendingSync | undefined
  let writing = false
  const persist = async (): Promise<void> => {
    if (writing || !loaded) return
    writing = true
    while (queued) {
      const value = queued
      queued = undefined
      await store.write(value).catch((cause: unknown) => console.warn('sync marks not saved', cause))
    }
    writing = false
  }
  const update = (next: PendingSync): void => {
    if (next === pending()) return
    setPending(next)
    queued = next
    void persist()
  }

  const peers = (): PeerHeld[] =>
    (connection.peerHeld?.('rep') ?? []).flatMap((raw) => parsePeerHeld(raw, Y.decodeStateVector) ?? [])
  const recheck = (): void => {
    const current = pending()
    if (!isWaiting(current, 'notes') && !isWaiting(current, 'session')) return
    update(settle(current, peers(), notesDigest(notes.toString())))
  }

  const onTransaction = (transaction: Y.Transaction): void => {
    if (transaction.origin !== LOCAL) return
    const changed = transaction.changed as Map<unknown, Set<string | null>>
    let next = pending()
    if (changed.has(notes)) next = { ...next, notes: true }
    const metaKeys = [...(changed.get(meta) ?? [])]
    if (changed.has(attendees) || metaKeys.some((key) => key !== null && SESSION_META_KEYS.has(key))) {
      next = { ...next, session: addClock(next.session, doc.clientID, Y.getState(doc.store, doc.clientID)) }
    }
    update(next)
  }

  let timer: ReturnType<typeof setTimeout> | undefined
  const publish = (): void => {
    timer = undefined
    connection.setHeld?.({ sv: toBase64Url(Y.encodeStateVector(doc)), notes: notesDigest(notes.toString()) })
    recheck() // a peer's edits may have just made our notes equal to theirs
  }
  const onUpdate = (): void => {
    timer ??= setTimeout(publish, HELD_PUBLISH_MS)
  }

  doc.on('afterTransaction', onTransaction)
  doc.on('update', onUpdate)
  const stopWatching = connection.onChange(recheck)
  publish()
  void store
    .read()
    .catch(() => undefined)
    .then((raw) => {
      if (stopped) return
      loaded = true
      const merged = mergePending(parsePending(raw), pending())
      setPending(merged)
      queued = merged
      void persist()
      recheck()
    })

  return {
    waiting: (kind) => isWaiting(pending(), kind),
    stop() {
      stopped = true
      clearTimeout(timer)
      doc.off('afterTransaction', onTransaction)
      doc.off('update', onUpdate)
      stopWatching()
    },
  }
}
