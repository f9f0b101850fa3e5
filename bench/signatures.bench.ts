/**
 * What signatures cost (issue 17), in Node's WebCrypto (Ed25519): one sign and
 * one verify of a chat entry's canonical bytes; a 3,000-entry session published
 * by the rep's relay from scratch (every entry signed, as for a customer doc that
 * lost everything); and the customer page of a late join verifying those 3,000
 * on arrival (entryTrust.ts). Verification happens once, on arrival: opening a
 * stored session verifies nothing on the rep side.
 */
import { createRoot } from 'solid-js'
import * as Y from 'yjs'
import { appendEntry, readEntry } from '../src/doc/transcript'
import { initRepDoc, writeSessionAuthority } from '../src/doc/session'
import { relayDocs } from '../src/app/session/relayDocs'
import { createEntryTrust } from '../src/app/customer/entryTrust'
import { createSessionAuthority, importSigningKey, importVerifyingKey, signEntry, verifyEntry } from '../src/net/sessionAuthority'
import type { BenchResult } from './benchResult'

const SINGLE_RUNS = 2_000 // enough for a stable per-operation mean
const SESSION_ENTRIES = 3_000 // the late-join row of BENCHMARKS.md

async function perOperation(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 100; i++) await run() // warm-up
  const start = performance.now()
  for (let i = 0; i < SINGLE_RUNS; i++) await run()
  return (performance.now() - start) / SINGLE_RUNS
}

/** Runs the measurements. */
export async function run(): Promise<BenchResult[]> {
  const authority = await createSessionAuthority()
  const signer = (await importSigningKey(authority.privateKey))!
  const verifier = (await importVerifyingKey(authority.publicKey))!
  const source = new Y.Doc()
  const id = appendEntry(source, { kind: 'chat', audience: 'all', authorId: 'rep-1', authorName: 'Rafa', authorRole: 'rep', text: 'x'.repeat(200) })
  const entry = readEntry(source, id)!
  const signature = await signEntry(signer, 's1', entry)
  const sign = await perOperation(() => signEntry(signer, 's1', entry))
  const verify = await perOperation(() => verifyEntry(verifier, 's1', entry, signature))

  const repDoc = new Y.Doc()
  initRepDoc(repDoc, { sessionId: 's1', createdAt: Date.now(), portal: 'link', customerKey: 'k'.repeat(43) })
  writeSessionAuthority(repDoc, authority)
  repDoc.transact(() => {
    for (let i = 0; i < SESSION_ENTRIES; i++) appendEntry(repDoc, { kind: 'chat', audience: 'all', authorId: 'rep-1', authorName: 'Rafa', authorRole: 'rep', text: `message ${i} `.repeat(10) })
  })
  const customerDoc = new Y.Doc()
  let start = performance.now()
  const relay = relayDocs(customerDoc, repDoc, () => {})
  await relay.settled()
  const publish = performance.now() - start
  relay()

  const lateJoiner = new Y.Doc()
  const verified = await createRoot(async (dispose) => {
    const trust = createEntryTrust(lateJoiner, 's1', authority.publicKey)
    start = performance.now()
    Y.applyUpdate(lateJoiner, Y.encodeStateAsUpdate(customerDoc), 'network')
    await trust.settled()
    const elapsed = performance.now() - start
    let genuine = 0
    for (const [entryId] of lateJoiner.getMap('entries')) if (trust.isGenuine(readEntry(lateJoiner, entryId)!)) genuine++
    dispose()
    return { elapsed, genuine }
  })
  return [
    { name: 'sign one entry (Ed25519)', unit: 'ms', value: sign },
    { name: 'verify one entry (Ed25519)', unit: 'ms', value: verify },
    { name: `relay publishes ${SESSION_ENTRIES.toLocaleString('en-US')} entries, all signed`, unit: 'ms', value: publish },
    { name: `customer late join: apply + verify ${SESSION_ENTRIES.toLocaleString('en-US')} entries`, unit: 'ms', value: verified.elapsed, values: { genuine: verified.genuine } },
  ]
}
