/**
 * Bytes per message: growth of the encoded customer doc
 * (`Y.encodeStateAsUpdate`, what a late joiner downloads and what the
 * history export stores) per 100-character chat message, written with the
 * app's `appendEntry`. Two layouts of authorship:
 *
 * - a chat: the rep's and the customer's docs, synced after every message
 *   (each writer is its own Yjs client, so items of two clients interleave);
 * - one writer: every message from one client (the floor).
 */
import * as Y from 'yjs'
import type { BenchResult } from './benchResult'
import { appendChat } from './chatEntries'

const MESSAGES = 2_000 // enough that the fixed per-client and per-doc overhead is spread thin
const BASE = 20 // messages already in the doc before growth is measured
const T0 = 1_700_000_000_000

const size = (doc: Y.Doc): number => Y.encodeStateAsUpdate(doc).byteLength

/** Bytes per message added to a two-party chat. */
function chatGrowth(): number {
  const [customer, rep] = [new Y.Doc(), new Y.Doc()]
  const send = (i: number): void => {
    const [from, to] = i % 2 === 0 ? [customer, rep] : [rep, customer]
    const before = Y.encodeStateVector(to)
    appendChat(from, i, T0 + i * 1000)
    Y.applyUpdate(to, Y.encodeStateAsUpdate(from, before))
  }
  for (let i = 0; i < BASE; i++) send(i)
  const start = size(customer)
  for (let i = BASE; i < BASE + MESSAGES; i++) send(i)
  if (size(customer) !== size(rep)) throw new Error('the two docs did not converge')
  return (size(customer) - start) / MESSAGES
}

/** Bytes per message added by a single writer. */
function singleWriterGrowth(): number {
  const doc = new Y.Doc()
  for (let i = 0; i < BASE; i++) appendChat(doc, i, T0 + i * 1000, 'rep')
  const start = size(doc)
  for (let i = BASE; i < BASE + MESSAGES; i++) appendChat(doc, i, T0 + i * 1000, 'rep')
  return (size(doc) - start) / MESSAGES
}

export async function run(): Promise<BenchResult[]> {
  const chat = chatGrowth()
  const single = singleWriterGrowth()
  return [
    {
      name: 'bytes per message (100 chars, two-party chat)',
      unit: 'B/msg',
      value: chat,
      values: { singleWriter: single, textBytes: 100, messages: MESSAGES },
      note: 'growth of Y.encodeStateAsUpdate(customer doc) per appendEntry of a 100-character message',
    },
  ]
}
