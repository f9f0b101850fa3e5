/** Small builders shared by the model tests: docs with fixed client ids, entries, sync, hostile peers. */
import * as Y from 'yjs'
import type { StoredEntry } from '../../src/doc/entry'

/** A fixed wall-clock instant so ids and orders are reproducible. */
export const T0 = 1_700_000_000_000

/** A Y.Doc whose client id is fixed (Yjs picks a random one otherwise, which would make seeds irreproducible). */
export function makeDoc(clientID?: number): Y.Doc {
  const doc = new Y.Doc()
  if (clientID !== undefined) doc.clientID = clientID
  return doc
}

/** Sends `from` everything `to` lacks, as y-protocols sync step 2 would. */
export function syncInto(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'test:sync')
}

/** Syncs two docs both ways. */
export function syncBoth(a: Y.Doc, b: Y.Doc): void {
  syncInto(a, b)
  syncInto(b, a)
}

/** A chat message ready for `appendEntry` (pass `at` to keep ids reproducible). */
export function chat(overrides: Partial<StoredEntry> = {}): StoredEntry {
  return {
    kind: 'chat',
    audience: 'all',
    authorId: 'cust-1',
    authorName: 'Carla',
    authorRole: 'customer',
    text: 'hello',
    at: T0,
    ...overrides,
  }
}

/** A rep's chat message. */
export function repChat(overrides: Partial<StoredEntry> = {}): StoredEntry {
  return chat({ authorId: 'rep-1', authorName: 'Rafa', authorRole: 'rep', ...overrides })
}

/**
 * Lets a hostile peer write raw values into `target`: a separate doc gets the
 * target's state, `write` runs there, and only the resulting update reaches
 * the target, exactly as it would over the network (values are re-decoded).
 */
export function fromHostilePeer(target: Y.Doc, write: (peer: Y.Doc) => void): void {
  const peer = makeDoc(0x7ffffff0)
  syncInto(target, peer)
  const before = Y.encodeStateVector(target)
  write(peer)
  Y.applyUpdate(target, Y.encodeStateAsUpdate(peer, before), 'test:hostile')
}
