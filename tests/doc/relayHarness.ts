/**
 * The relay's document steps wired with stand-in signatures, for model tests
 * that need no cryptography: the customer's device "signs" an id as `c_<id>`,
 * the session authority as `r_<id>`. The app's relay (src/app/session/relayDocs.ts)
 * does the same steps with real Ed25519 signatures (tests/app/relayDocs.test.ts).
 */
import type * as Y from 'yjs'
import { mirrorCandidates, mirrorVerifiedEntries, publishCandidates, putPublishedEntries, restoreCustomerEntries } from '../../src/doc/relay'
import { bindIntake } from '../../src/doc/customerBinding'
import { writeIntake } from '../../src/doc/intake'
import { putSignatures } from '../../src/doc/signatures'
import { RELAY } from '../../src/doc/schema'

/** The test customer's public key (a stand-in: 43 base64url chars, like an Ed25519 key). */
export const CUSTOMER_PUBLIC_KEY = 'C'.repeat(43)

/** The stand-in signature the genuine customer's device makes for `id`. */
export function customerSignature(id: string): string {
  return `c_${id.replace(/\./g, '_')}`
}

/** The stand-in signature of the session authority for `id`. */
export function authoritySignature(id: string): string {
  return `r_${id.replace(/\./g, '_')}`
}

/** The genuine customer signs entries it wrote (stores their stand-in signatures). */
export function signAsCustomer(customerDoc: Y.Doc, ids: Iterable<string>): void {
  putSignatures(customerDoc, [...ids].map((id) => [id, customerSignature(id)] as const), 'test:customer')
}

/** Writes the test customer's intake (`cust-1`, Carla) with its key and lets the relay bind it. */
export function bindTestCustomer(customerDoc: Y.Doc, repDoc: Y.Doc, overrides: { request?: string } = {}): void {
  writeIntake(customerDoc, { customerId: 'cust-1', customerName: 'Carla', request: overrides.request ?? 'printer', system: {}, publicKey: CUSTOMER_PUBLIC_KEY })
  bindIntake(customerDoc, repDoc, RELAY)
}

/** customer → rep, as the app does it: candidates, signature check, copy. Returns how many were new. */
export function mirrorCustomerEntries(customerDoc: Y.Doc, repDoc: Y.Doc, ids?: Iterable<string>, now?: number): number {
  const verified = mirrorCandidates(customerDoc, repDoc, ids, now).filter(({ entry, signature }) => signature === customerSignature(entry.id))
  return mirrorVerifiedEntries(repDoc, verified)
}

/** rep → customer, as the app does it: candidates, signing, writing. Returns how many entries were new or repaired. */
export function publishRepEntries(repDoc: Y.Doc, customerDoc: Y.Doc, ids?: Iterable<string>): number {
  const signed = publishCandidates(repDoc, customerDoc, ids).map((entry) => ({ entry, signature: authoritySignature(entry.id) }))
  return putPublishedEntries(customerDoc, signed)
}

/** Puts back what a peer deleted from the customer doc: reps' entries re-signed, the customer's with its own signature. */
export function restoreRemovedEntries(repDoc: Y.Doc, customerDoc: Y.Doc, ids: Iterable<string>): number {
  const list = [...ids]
  return restoreCustomerEntries(repDoc, customerDoc, list) + publishRepEntries(repDoc, customerDoc, list)
}
