/**
 * Runs the relay of one session on a visible rep's client (rules in
 * src/doc/relay.ts and src/doc/customerBinding.ts): the customer's signed
 * entries and first intake flow into the rep doc; reps' entries for everyone
 * flow into the customer doc, signed with the session authority. Signing and
 * verifying are asynchronous (WebCrypto), so each step runs at once (no
 * batching timer) on a queue that lands copies in the order changes arrived;
 * copies stay append-only and idempotent. A rep's own new entry starts being
 * signed when it is written, ahead of its turn in the queue.
 */
import type * as Y from 'yjs'
import { entriesMap } from '../../doc/transcript'
import { intakeMap } from '../../doc/intake'
import { boundCustomerReceipt, mirrorCandidates, mirrorReceipts, mirrorVerifiedEntries, publishCandidates, publishableEntries, putPublishedEntries, restoreCustomerEntries, type PublishedEntry } from '../../doc/relay'
import type { Entry } from '../../doc/entry'
import { bindIntake, readCustomerBinding } from '../../doc/customerBinding'
import { receiptsMap } from '../../doc/receipts'
import { recordGrowthBudget } from '../../doc/recordGrowth'
import { readSignature, signaturesMap } from '../../doc/signatures'
import { metaMap, readSessionAuthority, readSessionMeta } from '../../doc/session'
import { RELAY } from '../../doc/schema'
import { importSigningKey, importVerifyingKey, signEntry, verifyEntry, verifyReceipt } from '../../net/sessionAuthority'
import type { Receipt } from '../../doc/receipts'
import { createSerialQueue } from '../shell/serialQueue'

/** Receipt verdicts kept: a customer's receipt changes a few times a minute; a flood of forged values only costs verifications. */
const MAX_RECEIPT_VERDICTS = 64

/** Stops a relay; `settled()` resolves once every copy queued so far has landed (for tests). */
export type RelayHandle = (() => void) & { settled(): Promise<void> }

/** Starts relaying; `onIntake` runs once the customer's intake has bound the session. Returns a stop function. */
export function relayDocs(customerDoc: Y.Doc, repDoc: Y.Doc, onIntake: () => void): RelayHandle {
  const sessionId = (): string => readSessionMeta(repDoc)?.sessionId ?? ''
  // Read when needed, not once: a team mate's client may start relaying before the authority has synced.
  let signing: { privateKey: string; key: Promise<CryptoKey | undefined> } | undefined
  const signingKey = (): Promise<CryptoKey | undefined> => {
    const authority = readSessionAuthority(repDoc)
    if (!authority) return Promise.resolve(undefined)
    if (signing?.privateKey !== authority.privateKey) signing = { privateKey: authority.privateKey, key: importSigningKey(authority.privateKey) }
    return signing.key
  }
  const growth = recordGrowthBudget(repDoc)
  const customerKeys = new Map<string, Promise<CryptoKey | undefined>>()
  /** Signatures this client made (Ed25519 is deterministic: any other value in the customer doc is not the authority's). */
  const signedHere = new Map<string, string>()
  const steps = createSerialQueue()
  const enqueue = steps.enqueue

  const customerKey = (): Promise<CryptoKey | undefined> => {
    const binding = readCustomerBinding(repDoc)
    if (!binding) return Promise.resolve(undefined)
    let key = customerKeys.get(binding.publicKey)
    if (!key) customerKeys.set(binding.publicKey, (key = importVerifyingKey(binding.publicKey)))
    return key
  }
  const mirror = (ids?: Iterable<string>): void => {
    const candidates = mirrorCandidates(customerDoc, repDoc, ids)
    if (candidates.length === 0) return
    enqueue(async () => {
      const key = await customerKey()
      if (!key) return
      const checks = await Promise.all(candidates.map((item) => verifyEntry(key, sessionId(), item.entry, item.signature)))
      if (steps.stopped()) return
      // Bounded growth (recordGrowth.ts): even the bound customer cannot grow the record faster than a person chats.
      mirrorVerifiedEntries(repDoc, candidates.filter((item, i) => checks[i] && growth.admit(item.entry, Date.now())))
      mirrorReceipts(customerDoc, repDoc, isVerifiedReceipt) // receipts that named these entries count now
    })
  }
  /** Signatures being made, by entry id: a step waits for the one already started instead of signing twice. */
  const inFlight = new Map<string, Promise<string>>()
  const sign = (key: CryptoKey, entry: Entry): Promise<string> => {
    const known = signedHere.get(entry.id)
    if (known !== undefined) return Promise.resolve(known)
    let pending = inFlight.get(entry.id)
    if (!pending) {
      pending = signEntry(key, sessionId(), entry).then(
        (signature) => {
          signedHere.set(entry.id, signature)
          inFlight.delete(entry.id)
          return signature
        },
        (error: unknown) => {
          inFlight.delete(entry.id)
          throw error
        },
      )
      inFlight.set(entry.id, pending)
    }
    return pending
  }
  /**
   * A rep's new entry is signed as soon as it is written (issue 20, send path), not when its publish step
   * comes up: the queue may still be verifying the customer's last receipt. The step then only waits for it.
   */
  const signEarly = (ids: Iterable<string>): void => {
    const entries = publishableEntries(repDoc, ids)
    if (entries.length === 0) return
    // A failure here is reported by the publish step, which waits for the same signature.
    void signingKey().then((key) => key && entries.forEach((entry) => void sign(key, entry).catch(() => undefined)), () => undefined)
  }
  const learnSignature = async (key: CryptoKey, entry: Entry): Promise<void> => {
    const present = readSignature(customerDoc, entry.id)
    const authority = readSessionAuthority(repDoc)
    const verifier = authority && present !== undefined && present !== signedHere.get(entry.id) ? await importVerifyingKey(authority.publicKey) : undefined
    if (verifier && present !== undefined && (await verifyEntry(verifier, sessionId(), entry, present))) signedHere.set(entry.id, present)
    else await sign(key, entry)
  }
  const publish = (ids?: Iterable<string>, compareSignatures = false): void => {
    const list = ids === undefined ? undefined : [...ids]
    enqueue(async () => {
      const key = await signingKey()
      // A signature changed in the customer doc: one that verifies is accepted (a team mate's relay may have
      // written it; P-256 signatures differ each time), any other is replaced by ours.
      if (key && compareSignatures) await Promise.all(publishableEntries(repDoc, list).map((entry) => learnSignature(key, entry)))
      const entries = publishCandidates(repDoc, customerDoc, list, signedHere)
      if (entries.length === 0) return
      const published = await Promise.all(entries.map(async (entry): Promise<PublishedEntry> => (key ? { entry, signature: await sign(key, entry) } : { entry })))
      if (!steps.stopped()) putPublishedEntries(customerDoc, published)
    })
  }

  const onCustomerEntries = (event: Y.YMapEvent<unknown>): void => {
    // A peer holding the customer key deleted or rewrote entries: put the record's copies back. (Yjs computes
    // `changes` only inside the observer.)
    const removed = [...event.changes.keys].filter(([, change]) => change.action === 'delete').map(([id]) => id)
    if (removed.length > 0) restoreCustomerEntries(repDoc, customerDoc, removed)
    // Mirroring and publishing start with verifications and signatures (async anyway): begun in a microtask,
    // after the transaction, so they no longer hold up the update y-webrtc sends in the doc's `update` event,
    // which Yjs emits after every observer (issue 20: ~0.1 ms of each write on the rep's page).
    const ids = event.keysChanged
    queueMicrotask(() => {
      if (steps.stopped()) return
      mirror(ids)
      publish(ids)
    })
  }
  const onSignatures = (event: Y.YMapEvent<unknown>): void => {
    mirror(event.keysChanged)
    if (!event.transaction.local) publish(event.keysChanged, true)
  }
  const onRepEntries = (event: Y.YMapEvent<unknown>): void => {
    if (event.transaction.local) signEarly(event.keysChanged)
    publish(event.keysChanged)
  }
  const onIntakeChange = (): void => {
    if (bindIntake(customerDoc, repDoc, RELAY) !== 'bound') return
    onIntake()
    mirror()
  }
  // The bound customer's receipt counts only once its signature verifies against the bound device key (each value once).
  const receiptVerdicts = new Map<string, boolean>()
  const receiptKey = (receipt: Receipt): string => JSON.stringify([receipt.participantId, receipt.delivered ?? null, receipt.seen ?? null, receipt.signature ?? null])
  const isVerifiedReceipt = (receipt: Receipt): boolean => receiptVerdicts.get(receiptKey(receipt)) === true
  const onReceipts = (): void => {
    const receipt = boundCustomerReceipt(customerDoc, repDoc)
    if (!receipt?.signature) return
    const known = receiptKey(receipt)
    if (receiptVerdicts.has(known)) return mirrorReceipts(customerDoc, repDoc, isVerifiedReceipt)
    enqueue(async () => {
      const key = await customerKey()
      if (!key || receiptVerdicts.has(known)) return
      if (receiptVerdicts.size >= MAX_RECEIPT_VERDICTS) receiptVerdicts.clear() // each is a value already seen: forgetting costs one more verification
      receiptVerdicts.set(known, await verifyReceipt(key, sessionId(), receipt))
      if (!steps.stopped()) mirrorReceipts(customerDoc, repDoc, isVerifiedReceipt)
    })
  }
  let hadAuthority = readSessionAuthority(repDoc) !== undefined
  const onRepMeta = (): void => {
    // The authority reached this client after it started relaying: sign what went out unsigned.
    if (hadAuthority || !readSessionAuthority(repDoc)) return
    hadAuthority = true
    publish()
  }

  const watched: [Y.Map<unknown>, (event: Y.YMapEvent<unknown>) => void][] = [
    [receiptsMap(customerDoc), onReceipts],
    [entriesMap(customerDoc), onCustomerEntries],
    [signaturesMap(customerDoc), onSignatures],
    [entriesMap(repDoc), onRepEntries],
    [intakeMap(customerDoc, 'customer'), onIntakeChange],
    [metaMap(repDoc), onRepMeta],
  ]
  for (const [map, handler] of watched) map.observe(handler)
  // Catch up with whatever arrived while this client was closed.
  onIntakeChange()
  mirror()
  publish()
  onReceipts()

  const stop = (): void => {
    steps.stop()
    for (const [map, handler] of watched) map.unobserve(handler)
  }
  return Object.assign(stop, { settled: steps.settled })
}
