/**
 * Keeps the customer doc's meta signed with the session authority (docs/SCHEMA.md, "meta"): the
 * values are the record's (the rep doc's meta), written whole with the signature whenever the
 * customer doc's differ or carry another signature — at creation, when a rep holding the
 * authority opens a session made before this, and after a peer holding the link rewrote them.
 * The customer's page acts on meta only when it verifies (src/app/customer/verifiedMeta.ts).
 */
import type * as Y from 'yjs'
import { metaMap, putSignedMeta, readMetaSignature, readSessionAuthority, readSessionMeta, type SessionMeta } from '../../doc/session'
import { RELAY } from '../../doc/schema'
import { importVerifyingKey, signSessionMeta, verifySessionMeta } from '../../net/sessionAuthority'
import { createSerialQueue } from '../shell/serialQueue'

/** Starts keeping the meta signed; `signingKey` is the session authority (undefined in sessions made before signatures). */
export function keepMetaSigned(customerDoc: Y.Doc, repDoc: Y.Doc, signingKey: () => Promise<CryptoKey | undefined>): { stop(): void; settled(): Promise<void> } {
  const steps = createSerialQueue()
  let signed: { values: string; signature: string } | undefined
  // Signatures known to verify for the record's values (another rep's too: P-256 signatures differ per signing,
  // and two visible reps must not take turns rewriting each other's).
  const good = new Set<string>()
  let verifying: { publicKey: string; key: Promise<CryptoKey | undefined> } | undefined
  const verifyingKey = (): Promise<CryptoKey | undefined> => {
    const publicKey = readSessionAuthority(repDoc)?.publicKey
    if (!publicKey) return Promise.resolve(undefined)
    if (verifying?.publicKey !== publicKey) verifying = { publicKey, key: importVerifyingKey(publicKey) }
    return verifying.key
  }
  const valuesOf = (meta: SessionMeta): string => JSON.stringify([meta.sessionId, meta.createdAt, meta.portal, meta.schemaVersion])
  const check = (): void => {
    const record = readSessionMeta(repDoc)
    if (!record) return
    const current = readSessionMeta(customerDoc)
    const values = valuesOf(record)
    const same = current !== undefined && valuesOf(current) === values
    const signature = readMetaSignature(customerDoc)
    if (same && signature !== undefined && good.has(`${values}\n${signature}`)) return
    steps.enqueue(async () => {
      const key = await signingKey()
      if (!key || steps.stopped()) return
      const stored = readMetaSignature(customerDoc)
      const storedSame = readSessionMeta(customerDoc)
      if (stored && storedSame && valuesOf(storedSame) === values) {
        const verifier = await verifyingKey()
        if (verifier && (await verifySessionMeta(verifier, record, stored))) return void good.add(`${values}\n${stored}`)
      }
      if (signed?.values !== values) signed = { values, signature: await signSessionMeta(key, record) }
      good.add(`${values}\n${signed.signature}`)
      if (!steps.stopped()) putSignedMeta(customerDoc, record, signed.signature, RELAY)
    })
  }
  const maps = [metaMap(customerDoc), metaMap(repDoc)]
  for (const map of maps) map.observe(check)
  check()
  return {
    settled: () => steps.settled(),
    stop: () => {
      steps.stop()
      for (const map of maps) map.unobserve(check)
    },
  }
}
