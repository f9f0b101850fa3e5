import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { HELD_PUBLISH_MS, trackSyncMarks, type PendingStore } from '../../src/app/session/syncMarks'
import type { PendingSync } from '../../src/app/session/pendingSync'
import { applyTextValue, notesText } from '../../src/doc/notes'
import { putAttendee } from '../../src/doc/attendees'
import { LOCAL } from '../../src/doc/schema'

/** A rep page: its doc, a fake rep-room connection, and the peers it currently sees. */
function page(store: PendingStore, doc = new Y.Doc()) {
  let held: unknown
  let peers: { role: 'rep' | 'customer'; page: { held: () => unknown } }[] = []
  const listeners = new Set<() => void>()
  const connection = {
    setHeld: (next: unknown) => void (held = next),
    peerHeld: (role: 'rep' | 'customer') => peers.filter((peer) => peer.role === role).map((peer) => peer.page.held()),
    onChange(listener: () => void) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
  const marks = trackSyncMarks(doc, connection, store)
  return {
    doc,
    marks,
    held: () => held,
    /** Sees `others` as live peers (or none) and fires a presence change. */
    see(others: typeof peers) {
      peers = others
      listeners.forEach((listener) => listener())
    },
  }
}

function memoryStore(): PendingStore & { value: PendingSync | undefined } {
  const store = {
    value: undefined as PendingSync | undefined,
    read: () => Promise.resolve(store.value),
    write: (pending: PendingSync) => {
      store.value = pending
      return Promise.resolve()
    },
  }
  return store
}

/** Lets pending promises (store reads and writes) run. */
const drain = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}

/** Applies to `to` everything `from` has that `to` lacks, as a network sync would. */
function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote')
}

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }))
afterEach(() => vi.useRealTimers())

describe('sync marks: notes and session changes waiting for a rep peer', () => {
  it('a local notes edit waits until a rep peer holds the same notes; a remote edit never waits', async () => {
    const ana = page(memoryStore())
    const bruno = page(memoryStore())
    await drain()
    sync(ana.doc, bruno.doc)
    applyTextValue(notesText(bruno.doc), 'from bruno', LOCAL)
    sync(bruno.doc, ana.doc)
    expect(ana.marks.waiting('notes')).toBe(false)

    applyTextValue(notesText(ana.doc), 'from bruno, call back', LOCAL)
    expect(ana.marks.waiting('notes')).toBe(true)
    ana.see([{ role: 'rep', page: bruno }])
    expect(ana.marks.waiting('notes')).toBe(true) // bruno has not got it yet

    sync(ana.doc, bruno.doc)
    vi.advanceTimersByTime(HELD_PUBLISH_MS)
    ana.see([{ role: 'rep', page: bruno }])
    expect(ana.marks.waiting('notes')).toBe(false)
  })

  it('a deletion, which leaves the state vector as it was, still waits until the peer has it', async () => {
    const ana = page(memoryStore())
    const bruno = page(memoryStore())
    await drain()
    applyTextValue(notesText(ana.doc), 'printer model X', LOCAL)
    sync(ana.doc, bruno.doc)
    vi.advanceTimersByTime(HELD_PUBLISH_MS)
    ana.see([{ role: 'rep', page: bruno }])
    expect(ana.marks.waiting('notes')).toBe(false)

    ana.see([])
    applyTextValue(notesText(ana.doc), 'printer', LOCAL)
    expect(Y.encodeStateVector(ana.doc)).toEqual(Y.encodeStateVector(bruno.doc))
    ana.see([{ role: 'rep', page: bruno }])
    expect(ana.marks.waiting('notes')).toBe(true)
    sync(ana.doc, bruno.doc)
    vi.advanceTimersByTime(HELD_PUBLISH_MS)
    ana.see([{ role: 'rep', page: bruno }])
    expect(notesText(bruno.doc).toString()).toBe('printer')
    expect(ana.marks.waiting('notes')).toBe(false)
  })

  it('session changes (hide / show) wait until a rep peer — not a customer — holds them', async () => {
    const ana = page(memoryStore())
    const bruno = page(memoryStore())
    await drain()
    putAttendee(ana.doc, { id: 'ana', name: 'Ana', role: 'rep', hidden: true })
    expect(ana.marks.waiting('session')).toBe(true)
    expect(ana.marks.waiting('notes')).toBe(false)
    sync(ana.doc, bruno.doc)
    vi.advanceTimersByTime(HELD_PUBLISH_MS)
    ana.see([{ role: 'customer', page: bruno }])
    expect(ana.marks.waiting('session')).toBe(true)
    ana.see([{ role: 'rep', page: bruno }])
    expect(ana.marks.waiting('session')).toBe(false)
  })

  it('the marks survive a reload (a new client id), and clear once a peer holds the old edits', async () => {
    const store = memoryStore()
    const before = page(store)
    const bruno = page(memoryStore())
    await drain()
    applyTextValue(notesText(before.doc), 'offline notes', LOCAL)
    putAttendee(before.doc, { id: 'ana', name: 'Ana', role: 'rep', hidden: false })
    await drain()
    expect(store.value).toMatchObject({ notes: true, session: { [String(before.doc.clientID)]: expect.any(Number) } })
    before.marks.stop()

    const reloaded = new Y.Doc()
    sync(before.doc, reloaded) // what y-indexeddb would load
    const after = page(store, reloaded)
    expect(after.marks.waiting('notes')).toBe(false) // not read yet
    await drain()
    expect(after.marks.waiting('notes')).toBe(true)
    expect(after.marks.waiting('session')).toBe(true)

    sync(reloaded, bruno.doc)
    vi.advanceTimersByTime(HELD_PUBLISH_MS)
    after.see([{ role: 'rep', page: bruno }])
    expect(after.marks.waiting('notes')).toBe(false)
    expect(after.marks.waiting('session')).toBe(false)
    await drain()
    expect(store.value).toEqual({ notes: false, session: {} })
  })

  it('publishes what this page holds, a burst of edits once', async () => {
    const ana = page(memoryStore())
    await drain()
    const first = ana.held()
    expect(first).toMatchObject({ sv: expect.any(String), notes: expect.any(String) })
    for (const text of ['a', 'ab', 'abc']) applyTextValue(notesText(ana.doc), text, LOCAL)
    expect(ana.held()).toBe(first)
    vi.advanceTimersByTime(HELD_PUBLISH_MS)
    expect(ana.held()).not.toEqual(first)
  })
})
