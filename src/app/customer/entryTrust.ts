/**
 * What the customer's page may believe. Anyone holding the join link can write
 * the customer doc, so an entry counts as the reps' only when its signature
 * verifies against the session key from the link, and as this customer's only
 * when its device key signed it. Each entry is verified once, when it (or its
 * signature) arrives; the verdict is cached against the stored value, so
 * reading is a lookup and a rewrite is caught without re-verifying anything.
 * The checks themselves run in a Web Worker (entryVerifier.ts), newest first.
 * The customer's own entries are signed here right after they are written.
 */
import { createSignal, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import { entriesMap } from '../../doc/transcript'
import { parseEntry, type Entry } from '../../doc/entry'
import { putSignatures, readSignature, signaturesMap } from '../../doc/signatures'
import { LOCAL } from '../../doc/schema'
import { signEntry } from '../../net/sessionAuthority'
import { createEntryVerifier, type VerifyJob } from './entryVerifier'
import { createSerialQueue } from '../shell/serialQueue'

/** The customer's device identity, as far as signing goes. */
export interface SigningIdentity {
  customerId: string
  privateKey: CryptoKey
  publicKey: string
}

/** The customer page's trust in the entries of its doc. */
export interface EntryTrust {
  /** Bumps whenever a verdict changes (read it to make a reader reactive). */
  version: Accessor<number>
  /** Whether the link carried the session key; without it reps' entries can never verify. */
  verifiable: boolean
  /** Whether `entry` verified (reps' against the session key, the customer's against its device key). */
  isGenuine(entry: Entry): boolean
  /** Whether the entry `id` was checked and did not verify (no signature, a wrong one, or no key for it). */
  isRejected(id: string): boolean
  /** Calls `listener` with reps' entries that a peer added and that verified, as they verify. */
  onArrival(listener: (entries: Entry[]) => void): () => void
  /** Calls `listener` with the ids whose verdict changed (verified, or no longer). */
  onVerdict(listener: (ids: string[]) => void): () => void
  /** Signs this customer's entries from now on (and the ones it wrote unsigned). */
  signAs(me: SigningIdentity): void
  /** Resolves once every verification and signature queued so far is done (for tests). */
  settled(): Promise<void>
  stop(): void
}

/** The first batch of a burst (its newest entries): a screenful, so it is shown after one quick round trip. */
const FIRST_BATCH = 64
/** Every later batch: large enough that a 10 MB late join is a few round trips to the workers, small enough that verdicts show as they come and two workers share them evenly. */
const VERIFY_BATCH = 512

/** An entry waiting for its verdict, with the values it was read with (a rewrite meanwhile voids the verdict). */
interface Pending {
  entry: Entry
  raw: unknown
  signature: string
}

/** Marks a verdict for an entry this page wrote itself and has not signed yet. */
const WRITTEN_HERE = Symbol('writtenHere')

/** Starts judging `doc`'s entries; `authority` is the session key from the join link (undefined for older links). */
export function createEntryTrust(doc: Y.Doc, sessionId: string, authority: string | undefined): EntryTrust {
  const entries = entriesMap(doc)
  const signatures = signaturesMap(doc)
  const verifier = createEntryVerifier()
  const verdicts = new Map<string, { raw: unknown; signature: unknown }>()
  const rejected = new Set<string>()
  const inFlight = new Map<string, { raw: unknown; signature: unknown }>() // sent to the verifier, verdict not back yet
  const listeners = new Set<(entries: Entry[]) => void>()
  const verdictListeners = new Set<(ids: string[]) => void>()
  const [version, bump] = createSignal(0)
  const changed = (ids: string[]): void => {
    if (ids.length === 0) return
    bump((v) => v + 1)
    verdictListeners.forEach((listener) => listener(ids))
  }
  let me: (SigningIdentity & { signed: Map<string, string> }) | undefined
  const steps = createSerialQueue()
  const enqueue = steps.enqueue

  const isMine = (entry: Entry): boolean => entry.authorRole === 'customer' && entry.authorId === me?.customerId

  const sign = (list: Entry[]): void => {
    const signer = me
    if (!signer || list.length === 0) return
    enqueue(async () => {
      const made = await Promise.all(list.map(async (entry) => [entry.id, signer.signed.get(entry.id) ?? (await signEntry(signer.privateKey, sessionId, entry))] as const))
      if (steps.stopped()) return
      for (const [id, signature] of made) signer.signed.set(id, signature)
      putSignatures(doc, made, LOCAL)
      for (const [id, signature] of made) verdicts.set(id, { raw: entries.get(id), signature })
      for (const [id] of made) rejected.delete(id)
      changed(made.map(([id]) => id))
    })
  }
  // The public key that must have signed `entry`: the session's for reps' and the system's, this device's for its own.
  const publicKeyFor = (entry: Entry): string | undefined => (entry.authorRole !== 'customer' ? authority : isMine(entry) ? me?.publicKey : undefined)
  const verify = (ids: Iterable<string>, arrival: boolean): void => {
    const pending: Pending[] = []
    const lost: string[] = []
    for (const id of ids) {
      const raw = entries.get(id)
      const signature = readSignature(doc, id)
      const verdict = verdicts.get(id)
      if (verdict && verdict.raw === raw && (verdict.signature === signature || verdict.signature === WRITTEN_HERE)) continue
      // Entries and their signatures usually arrive in one transaction: both observers ask, one check answers.
      const checking = inFlight.get(id)
      if (checking && checking.raw === raw && checking.signature === signature) continue
      if (verdict) {
        verdicts.delete(id)
        lost.push(id)
      }
      const entry = parseEntry(id, raw)
      if (entry && signature !== undefined) {
        pending.push({ entry, raw, signature })
        inFlight.set(id, { raw, signature })
      } else rejected.add(id)
    }
    changed(lost)
    if (pending.length === 0) return
    // Newest first: a late joiner sees the last screenful after the first small batch, not after all of them.
    // Every batch goes to the verifier now; their verdicts are applied in order as they come back.
    pending.sort((a, b) => (a.entry.id < b.entry.id ? 1 : -1))
    for (let start = 0; start < pending.length; ) {
      const end = start + (start === 0 ? FIRST_BATCH : VERIFY_BATCH)
      const batch = pending.slice(start, end)
      const checks = check(batch)
      enqueue(async () => judge(batch, await checks, arrival))
      start = end
    }
  }
  const check = async (batch: Pending[]): Promise<boolean[]> => {
    const jobs: VerifyJob[] = []
    const asked: number[] = [] // index in `batch` of each job; entries with no key to check against fail unasked
    batch.forEach(({ entry, signature }, i) => {
      const publicKey = publicKeyFor(entry)
      if (publicKey === undefined) return
      jobs.push({ entry, signature, publicKey })
      asked.push(i)
    })
    const answers = await verifier.verify(sessionId, jobs)
    const checks = batch.map(() => false)
    asked.forEach((index, job) => (checks[index] = answers[job] === true))
    return checks
  }
  const judge = (batch: Pending[], checks: boolean[], arrival: boolean): void => {
    if (steps.stopped()) return
    const arrived: Entry[] = []
    const judged: string[] = [] // ids whose verdict is now known
    batch.forEach(({ entry, raw, signature }, i) => {
      if (inFlight.get(entry.id)?.raw === raw && inFlight.get(entry.id)?.signature === signature) inFlight.delete(entry.id)
      if (entries.get(entry.id) !== raw || readSignature(doc, entry.id) !== signature) return
      judged.push(entry.id)
      if (!checks[i]) {
        rejected.add(entry.id)
        return
      }
      rejected.delete(entry.id)
      verdicts.set(entry.id, { raw, signature })
      if (arrival && entry.authorRole !== 'customer') arrived.push(entry)
    })
    changed(judged)
    if (arrived.length > 0) listeners.forEach((listener) => listener(arrived.reverse()))
  }

  const onEntries = (event: Y.YMapEvent<unknown>): void => {
    if (event.transaction.local && me) {
      const mine = [...event.keysChanged].flatMap((id) => {
        const entry = parseEntry(id, entries.get(id))
        return entry && isMine(entry) ? [entry] : []
      })
      for (const entry of mine) verdicts.set(entry.id, { raw: entries.get(entry.id), signature: WRITTEN_HERE })
      for (const entry of mine) rejected.delete(entry.id)
      changed(mine.map((entry) => entry.id))
      sign(mine)
    }
    verify(event.keysChanged, !event.transaction.local)
  }
  const onSignatures = (event: Y.YMapEvent<unknown>): void => {
    if (event.transaction.local) return
    // A peer replaced one of this customer's signatures: put it back (signatures are deterministic).
    const swapped = [...event.keysChanged].filter((id) => me?.signed.has(id) && readSignature(doc, id) !== me.signed.get(id))
    if (me && swapped.length > 0) putSignatures(doc, swapped.map((id) => [id, me!.signed.get(id)!] as const), LOCAL)
    verify(event.keysChanged, true)
  }
  entries.observe(onEntries)
  signatures.observe(onSignatures)
  verify(entries.keys(), false)

  return {
    version,
    verifiable: authority !== undefined,
    isGenuine(entry) {
      const verdict = verdicts.get(entry.id)
      return verdict !== undefined && verdict.raw === entries.get(entry.id) && (verdict.signature === WRITTEN_HERE || verdict.signature === readSignature(doc, entry.id))
    },
    isRejected: (id) => rejected.has(id),
    onArrival(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    onVerdict(listener) {
      verdictListeners.add(listener)
      return () => verdictListeners.delete(listener)
    },
    signAs(identity) {
      me = { ...identity, signed: new Map() }
      const unsigned: Entry[] = []
      const signedIds: string[] = []
      entries.forEach((raw, id) => {
        const entry = parseEntry(id, raw)
        if (!entry || !isMine(entry)) return
        if (!signatures.has(id)) return void unsigned.push(entry)
        signedIds.push(id)
        inFlight.delete(id) // a check asked before this key was known must not stand for the one asked now
      })
      sign(unsigned)
      verify(signedIds, false)
    },
    settled: steps.settled,
    stop() {
      steps.stop()
      verifier.stop()
      entries.unobserve(onEntries)
      signatures.unobserve(onSignatures)
    },
  }
}
