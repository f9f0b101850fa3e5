/**
 * Reconvergence, in Node: 3 peers share a session, go offline, each writes
 * 1,000 messages with the app's `appendEntry`, then reconnect as y-webrtc
 * does (a full mesh; on connect each side sends sync step 1, its state
 * vector, and answers the other's with sync step 2, the missing updates),
 * using y-protocols' own sync messages, encoded and decoded as on the wire.
 * Every update a peer applies is also forwarded to its other links as a
 * y-webrtc room broadcast would. Measured: from the first reconnect message
 * to the moment all three docs hold identical state (same state vector,
 * same transcript). The network is an in-memory queue: this is the model's
 * share of the time, not WebRTC's.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as sync from 'y-protocols/sync'
import * as Y from 'yjs'
import { readTranscript } from '../src/doc/transcript'
import type { BenchResult } from './benchResult'
import { envInt, stats } from './browser'
import { appendChat } from './chatEntries'

const PEERS = 3
const OFFLINE_MESSAGES = 1_000
const SHARED = 50 // messages the three held in common before going offline
const RUNS = envInt('RECONVERGENCE_RUNS', 5)
const T0 = 1_700_000_000_000

interface Peer {
  doc: Y.Doc
  index: number
}

interface Packet {
  from: number
  to: number
  bytes: Uint8Array
}

function identical(peers: Peer[]): boolean {
  const vectors = peers.map((peer) => Buffer.from(Y.encodeStateVector(peer.doc)).toString('base64'))
  if (new Set(vectors).size !== 1) return false
  const transcripts = peers.map((peer) => JSON.stringify(readTranscript(peer.doc)))
  return new Set(transcripts).size === 1
}

/** One reconnect; returns ms to identical state and the bytes exchanged. */
function reconverge(): { ms: number; bytes: number; packets: number; entries: number } {
  const peers: Peer[] = Array.from({ length: PEERS }, (_, index) => ({ doc: new Y.Doc(), index }))
  for (let i = 0; i < SHARED; i++) appendChat(peers[i % PEERS]!.doc, i, T0 + i)
  const shared = Y.encodeStateAsUpdate(peers[0]!.doc)
  for (const peer of peers) {
    for (const other of peers) Y.applyUpdate(peer.doc, Y.encodeStateAsUpdate(other.doc))
    Y.applyUpdate(peer.doc, shared)
  }
  // Offline: each peer writes its own messages, interleaved in time with the others'.
  for (let i = 0; i < OFFLINE_MESSAGES; i++) for (const peer of peers) appendChat(peer.doc, SHARED + i * PEERS + peer.index, T0 + 10_000 + i * 100 + peer.index)

  const queue: Packet[] = []
  let bytes = 0
  let packets = 0
  const post = (from: number, to: number, write: (encoder: encoding.Encoder) => void): void => {
    const encoder = encoding.createEncoder()
    write(encoder)
    if (encoding.length(encoder) > 1) queue.push({ from, to, bytes: encoding.toUint8Array(encoder) })
  }
  // Forward what a peer applies to its other links, as y-webrtc broadcasts every doc update to the room.
  for (const peer of peers) {
    peer.doc.on('update', (update: Uint8Array, origin: unknown) => {
      for (const other of peers) if (other !== peer && other.index !== origin) post(peer.index, other.index, (encoder) => sync.writeUpdate(encoder, update))
    })
  }

  const started = performance.now()
  for (const peer of peers) for (const other of peers) if (other !== peer) post(peer.index, other.index, (encoder) => sync.writeSyncStep1(encoder, peer.doc))
  while (queue.length > 0) {
    const packet = queue.shift()!
    bytes += packet.bytes.byteLength
    packets++
    const receiver = peers[packet.to]!
    const reply = encoding.createEncoder()
    sync.readSyncMessage(decoding.createDecoder(packet.bytes), reply, receiver.doc, packet.from)
    if (encoding.length(reply) > 0) queue.push({ from: packet.to, to: packet.from, bytes: encoding.toUint8Array(reply) })
  }
  if (!identical(peers)) throw new Error('the peers did not converge')
  const ms = performance.now() - started
  return { ms, bytes, packets, entries: readTranscript(peers[0]!.doc).length }
}

export async function run(): Promise<BenchResult[]> {
  reconverge() // warm-up: JIT
  const runs = Array.from({ length: RUNS }, reconverge)
  const times = stats(runs.map((measured) => measured.ms))
  const last = runs.at(-1)!
  return [
    {
      name: `reconvergence (${PEERS} peers × ${OFFLINE_MESSAGES.toLocaleString('en-US')} offline msgs, Node)`,
      unit: 'ms',
      value: times.p50,
      values: { max: times.max, runs: RUNS, wireBytes: last.bytes, messages: last.packets, entries: last.entries },
      note: 'y-protocols sync step 1/2 over an in-memory full mesh, until state vectors and transcripts match',
    },
  ]
}
