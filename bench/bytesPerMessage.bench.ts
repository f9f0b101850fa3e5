/**
 * Bytes per message: growth of the encoded session documents
 * (`Y.encodeStateAsUpdate`, what a late joiner downloads and what the
 * history export stores) per 100-character chat message of a two-party chat,
 * written along the app's real signed path:
 *
 * - the customer writes its line in the customer doc (`appendEntry`) and signs
 *   it with its device key (`putSignatures`, as entryTrust.ts does); the rep's
 *   client mirrors it with its signature into the rep doc (`mirrorVerifiedEntries`);
 * - the rep writes in the rep doc; the rep's client publishes it to the
 *   customer doc signed by the session authority (`putPublishedEntries`).
 *
 * The customer doc has two Yjs clients (the customer's page and the rep's
 * client), synced after every message. Each layout is measured in schema
 * version 3 (compact arrays, raw signatures) and, in the same run, version 2
 * (self-describing maps, base64url signatures: what the app wrote before).
 * `floor` is what the content alone takes, whatever the encoding: the text, a
 * 64-byte signature where one is stored, and the entry id once per map it is a
 * key of — the Yjs item headers and field values come on top of it.
 */
import * as Y from 'yjs'
import type { BenchResult } from './benchResult'
import { chatText } from './chatEntries'
import { appendEntry, readEntry } from '../src/doc/transcript'
import { initCustomerDoc, initRepDoc } from '../src/doc/session'
import { putSignatures } from '../src/doc/signatures'
import { mirrorVerifiedEntries, putPublishedEntries } from '../src/doc/relay'
import { createDeviceSigningKeys, createSessionAuthority, importSigningKey, signEntry } from '../src/net/sessionAuthority'

const MESSAGES = 2_000 // enough that the fixed per-client and per-doc overhead is spread thin
const BASE = 20 // messages already in the docs before growth is measured
const T0 = 1_700_000_000_000
const SESSION = 'Ab3_xY9-kLmN'
const TEXT_BYTES = 100
const SIGNATURE_BYTES = 64 // Ed25519, or P-256 in IEEE P1363 form
const ID_BYTES = 22 // `<time 9>.<counter 4>.<origin ~7>`: the base-36 Yjs client id is 6–7 chars

const size = (doc: Y.Doc): number => Y.encodeStateAsUpdate(doc).byteLength

/** Sends `to` what `from` has that it lacks (one sync step, as a provider would). */
function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
}

/** New session docs of `version` (2: the maps and strings an older build writes). */
function sessionDocs(version: 2 | 3): { atCustomer: Y.Doc; atRep: Y.Doc; repDoc: Y.Doc } {
  const [atCustomer, atRep, repDoc] = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
  initRepDoc(repDoc, { sessionId: SESSION, createdAt: T0, portal: 'link', customerKey: 'q3Jx8w2Lr0-Zk_5yVt9bN1' })
  initCustomerDoc(atRep, { sessionId: SESSION, createdAt: T0, portal: 'link' })
  if (version === 2) for (const doc of [repDoc, atRep]) doc.getMap('meta').set('schemaVersion', 2)
  sync(atRep, atCustomer)
  return { atCustomer, atRep, repDoc }
}

/** Per-message growth of the customer doc and the rep doc along the signed path, in `version`. */
async function signedChat(version: 2 | 3): Promise<{ customer: number; rep: number }> {
  const device = await createDeviceSigningKeys()
  const authority = (await importSigningKey((await createSessionAuthority()).privateKey))!
  const { atCustomer, atRep, repDoc } = sessionDocs(version)
  const send = async (i: number): Promise<void> => {
    const at = T0 + i * 1000
    if (i % 2 === 0) {
      const id = appendEntry(atCustomer, { kind: 'chat', audience: 'all', authorId: 'cust-1', authorName: 'Carla', authorRole: 'customer', text: chatText(i), at })
      const entry = readEntry(atCustomer, id)!
      const signature = await signEntry(device.privateKey, SESSION, entry)
      putSignatures(atCustomer, [[id, signature]], 'bench:customer')
      sync(atCustomer, atRep)
      mirrorVerifiedEntries(repDoc, [{ entry, signature }])
    } else {
      const id = appendEntry(repDoc, { kind: 'chat', audience: 'all', authorId: 'rep-7', authorName: 'Rafa', authorRole: 'rep', text: chatText(i), at })
      const entry = readEntry(repDoc, id)!
      putPublishedEntries(atRep, [{ entry, signature: await signEntry(authority, SESSION, entry) }])
      sync(atRep, atCustomer)
    }
  }
  for (let i = 0; i < BASE; i++) await send(i)
  const start = { customer: size(atCustomer), rep: size(repDoc) }
  for (let i = BASE; i < BASE + MESSAGES; i++) await send(i)
  if (size(atCustomer) !== size(atRep)) throw new Error('the two replicas of the customer doc did not converge')
  return { customer: (size(atCustomer) - start.customer) / MESSAGES, rep: (size(repDoc) - start.rep) / MESSAGES }
}

/** Per-message growth of one doc two unsigned writers share (a session made before signatures), in `version`. */
function unsignedChat(version: 2 | 3): number {
  const { atCustomer, atRep } = sessionDocs(version)
  const send = (i: number): void => {
    const [from, to] = i % 2 === 0 ? [atCustomer, atRep] : [atRep, atCustomer]
    const customer = i % 2 === 0
    appendEntry(from, { kind: 'chat', audience: 'all', authorId: customer ? 'cust-1' : 'rep-7', authorName: customer ? 'Carla' : 'Rafa', authorRole: customer ? 'customer' : 'rep', text: chatText(i), at: T0 + i * 1000 })
    sync(from, to)
  }
  for (let i = 0; i < BASE; i++) send(i)
  const start = size(atCustomer)
  for (let i = BASE; i < BASE + MESSAGES; i++) send(i)
  return (size(atCustomer) - start) / MESSAGES
}

const round = (value: number): number => Math.round(value * 10) / 10

export async function run(): Promise<BenchResult[]> {
  const [v3, v2] = [await signedChat(3), await signedChat(2)]
  const [unsigned3, unsigned2] = [unsignedChat(3), unsignedChat(2)]
  const signedFloor = TEXT_BYTES + SIGNATURE_BYTES + 2 * ID_BYTES // every message: entry + signature, each under its id
  const repFloor = TEXT_BYTES + ID_BYTES + (SIGNATURE_BYTES + ID_BYTES) / 2 // the customer's half keeps its signature
  const unsignedFloor = TEXT_BYTES + ID_BYTES
  return [
    {
      name: 'bytes per message (100 chars, two-party chat)',
      unit: 'B/msg',
      value: round(v3.customer),
      baseline: { name: 'content floor: text + 64 B signature + id in both maps', value: signedFloor },
      ratio: v3.customer / signedFloor,
      values: { schemaV2: round(v2.customer), floor: signedFloor, textBytes: TEXT_BYTES, messages: MESSAGES },
      note: 'customer doc, signed path (appendEntry + putSignatures / putPublishedEntries), schema v3; schemaV2 = same run in the v2 form',
    },
    {
      name: 'bytes per message: rep doc (the record)',
      unit: 'B/msg',
      value: round(v3.rep),
      baseline: { name: 'content floor', value: repFloor },
      ratio: v3.rep / repFloor,
      values: { schemaV2: round(v2.rep), floor: repFloor },
      note: "reps' lines unsigned, the customer's mirrored with their signatures",
    },
    {
      name: 'bytes per message: unsigned (session made before signatures)',
      unit: 'B/msg',
      value: round(unsigned3),
      baseline: { name: 'content floor: text + id', value: unsignedFloor },
      ratio: unsigned3 / unsignedFloor,
      values: { schemaV2: round(unsigned2), floor: unsignedFloor },
      note: 'customer doc, two writers, appendEntry only',
    },
  ]
}
