import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { docDatabaseName, persistDoc } from '../../src/store/persistDoc'
import { SessionShare } from '../../src/store/storageBound'

/** A peer's update: written in a doc of its own and applied here as y-webrtc does (a remote transaction). */
function peerWrites(doc: Y.Doc, peer: Y.Doc, key: string, bytes: number): void {
  const before = Y.encodeStateVector(peer)
  peer.getMap('junk').set(key, 'x'.repeat(bytes))
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, before), 'peer')
}

/** One of this page's own writes (a local transaction, as the app's writers make). */
function ownWrites(doc: Y.Doc, key: string, text: string): void {
  doc.getMap('mine').set(key, text)
}

/** Resolves in the timers phase of a later turn of the event loop. */
const nextTimer = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

/**
 * Lets the merged write go out. It is made on a MessageChannel message, which Node delivers in the poll phase of its
 * loop; one `setTimeout(0)` can fire first (the timers phase comes before, once a millisecond has passed: a loaded
 * machine), a second one fires only after that poll phase.
 */
const settle = async (): Promise<void> => {
  await nextTimer()
  await nextTimer()
}

describe('per-session storage share', () => {
  it('past its share a customer doc stops storing what peers add, keeps storing every own write, and says how much was not stored', async () => {
    const name = docDatabaseName('customer', 'share-full')
    const share = new SessionShare(64 * 1024)
    const doc = new Y.Doc()
    const store = await persistDoc(doc, name, { share, part: 'customer', refusePeers: true })
    const peer = new Y.Doc()
    let refusedEvents = 0
    share.onChange(() => (refusedEvents += 1))
    for (let i = 0; i < 20; i++) {
      peerWrites(doc, peer, `junk${i}`, 8 * 1024)
      ownWrites(doc, `own${i}`, `message ${i}`)
      await settle()
    }
    expect(share.full).toBe(true)
    const state = share.state()
    expect(state.refusedBytes).toBeGreaterThan(8 * 8 * 1024) // at least the junk past 64 KiB
    expect(state.refusedAt).toBeDefined()
    expect(refusedEvents).toBeGreaterThan(0)
    // The page still holds everything for this visit.
    expect(doc.getMap('junk').size).toBe(20)
    await store.close()

    const reopenedShare = new SessionShare(64 * 1024)
    const reopened = new Y.Doc()
    await persistDoc(reopened, name, { share: reopenedShare, part: 'customer', refusePeers: true })
    // Every own write is there, the ones after the cap included; the junk only up to the cap.
    expect([...reopened.getMap('mine').keys()].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `own${i}`).sort())
    const junk = reopened.getMap('junk').size
    expect(junk).toBeGreaterThan(0)
    expect(junk).toBeLessThan(12)
    expect(reopened.store.pendingStructs).toBeNull()
    // The count survives the reload: the session is still full, peers are still refused at once.
    expect(reopenedShare.full).toBe(true)
  })

  it('a burst of peers\' updates within one turn stops at the share: at most the update that crossed it is stored', async () => {
    const name = docDatabaseName('customer', 'share-burst')
    const cap = 256 * 1024
    const share = new SessionShare(cap)
    const doc = new Y.Doc()
    const store = await persistDoc(doc, name, { share, part: 'customer', refusePeers: true })
    const peer = new Y.Doc()
    for (let i = 0; i < 12; i++) peerWrites(doc, peer, `junk${i}`, 128 * 1024) // 1.5 MiB in one turn, as a fast link delivers it
    ownWrites(doc, 'own', 'still stored')
    await settle()
    expect(share.bytes).toBeLessThan(cap + 128 * 1024 + 4 * 1024)
    expect(share.state().refusedBytes).toBeGreaterThan(9 * 128 * 1024)
    await store.close()
    const reopened = new Y.Doc()
    await persistDoc(reopened, name)
    expect(reopened.getMap('junk').size).toBeLessThanOrEqual(3)
    expect(reopened.getMap('mine').get('own')).toBe('still stored')
  })

  it('the database is not compacted from the in-memory document once peers are refused (it would store their junk)', async () => {
    const name = docDatabaseName('customer', 'share-compaction')
    const share = new SessionShare(16 * 1024)
    const doc = new Y.Doc()
    const store = await persistDoc(doc, name, { share, part: 'customer', refusePeers: true })
    const peer = new Y.Doc()
    for (let i = 0; i < 4; i++) peerWrites(doc, peer, `early${i}`, 8 * 1024)
    await settle()
    peerWrites(doc, peer, 'late', 256 * 1024)
    // Past y-indexeddb's compaction threshold (500 stored updates), then past its 1 s debounce.
    for (let i = 0; i < 520; i++) {
      ownWrites(doc, `own${i}`, 'hi')
      await settle()
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    await store.close()
    const reopened = new Y.Doc()
    await persistDoc(reopened, name)
    expect(reopened.getMap('junk').has('late')).toBe(false)
    expect(reopened.getMap('mine').size).toBe(520)
  })

  it('the record (a document that does not refuse peers) keeps storing what peers add, counted in the same share', async () => {
    const name = docDatabaseName('rep', 'share-record')
    const share = new SessionShare(16 * 1024)
    const doc = new Y.Doc()
    const store = await persistDoc(doc, name, { share, part: 'rep', refusePeers: false })
    const peer = new Y.Doc()
    for (let i = 0; i < 6; i++) {
      peerWrites(doc, peer, `entry${i}`, 8 * 1024)
      await settle()
    }
    expect(share.full).toBe(true)
    expect(share.state().refusedBytes).toBe(0)
    await store.close()
    const reopened = new Y.Doc()
    await persistDoc(reopened, name)
    expect(reopened.getMap('junk').size).toBe(6)
  })

  it("the share adds up the session's documents: a big record leaves less room for the customer's copy", async () => {
    const share = new SessionShare(32 * 1024)
    const rep = new Y.Doc()
    const customer = new Y.Doc()
    await persistDoc(rep, docDatabaseName('rep', 'share-sum'), { share, part: 'rep', refusePeers: false })
    await persistDoc(customer, docDatabaseName('customer', 'share-sum'), { share, part: 'customer', refusePeers: true })
    ownWrites(rep, 'big', 'y'.repeat(30 * 1024))
    await settle()
    expect(share.full).toBe(false)
    peerWrites(customer, new Y.Doc(), 'first', 4 * 1024)
    await settle()
    expect(share.full).toBe(true)
    peerWrites(customer, new Y.Doc(), 'second', 1024)
    await settle()
    expect(share.state().refusedBytes).toBeGreaterThan(1024)
  })
})
