/**
 * Signature checks of received entries, off the main thread. A late join hands
 * the customer's page thousands of signed entries at once, and each WebCrypto
 * `verify` costs the calling thread its argument copies and promise turns: on
 * the main thread that was most of a 10 MB late join's CPU time (BENCHMARKS.md,
 * lateJoin). So a Web Worker (verifyWorker.ts) builds each entry's signed
 * bytes and runs the checks: the page only posts the parsed entries (building
 * 10 MB of signed bytes and cloning them cost the page more than the checks
 * saved). A burst of checks (a late join) is spread over two workers on a device with three cores or more.
 * Where no worker can start (tests in Node, a blocked script) they run here instead.
 * Callers judge the verdicts: this module only answers "did this key sign
 * these bytes".
 */
import type { Entry } from '../../doc/entry'
import { importVerifyingKey, verifyEntry } from '../../net/sessionAuthority'

/** One signature to check: the entry (parsed), its signature and the public key that should have made it (both base64url). */
export interface VerifyJob {
  entry: Entry
  signature: string
  publicKey: string
}

/** A batch sent to the worker; `seq` pairs the answer with its question. */
export interface VerifyRequest {
  seq: number
  sessionId: string
  jobs: VerifyJob[]
}

/** The worker's answer: one verdict per job, in the order asked. */
export interface VerifyResponse {
  seq: number
  results: boolean[]
}

/** What the page needs of a worker (the DOM's `Worker`, or a fake in tests). */
export interface VerifyPort {
  postMessage(message: VerifyRequest, transfer: Transferable[]): void
  onmessage: ((event: MessageEvent<VerifyResponse>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  terminate(): void
}

/** Checks batches of signatures. */
export interface EntryVerifier {
  /** One verdict per job of session `sessionId`, in order; false for anything that does not verify (bad key, bad signature). */
  verify(sessionId: string, jobs: VerifyJob[]): Promise<boolean[]>
  stop(): void
}

/** Imports each public key once per cache (a session has two or three: the authority's and devices'). */
export function createKeyCache(): (publicKey: string) => Promise<CryptoKey | undefined> {
  const keys = new Map<string, Promise<CryptoKey | undefined>>()
  return (publicKey) => {
    let key = keys.get(publicKey)
    if (!key) keys.set(publicKey, (key = importVerifyingKey(publicKey)))
    return key
  }
}

/** Runs the checks of a batch on this thread (the worker's body, and the fallback). */
export async function verifyJobs(sessionId: string, jobs: readonly VerifyJob[], keyFor: (publicKey: string) => Promise<CryptoKey | undefined>): Promise<boolean[]> {
  return Promise.all(
    jobs.map(async (job) => {
      const key = await keyFor(job.publicKey)
      return key !== undefined && (await verifyEntry(key, sessionId, job.entry, job.signature))
    }),
  )
}

/** Verification on this thread. */
export function createInlineVerifier(): EntryVerifier {
  const keyFor = createKeyCache()
  return { verify: (sessionId, jobs) => verifyJobs(sessionId, jobs, keyFor), stop: () => undefined }
}

/**
 * Verification through `port` (a worker running verifyWorker.ts). Batches may be answered in any order; each
 * answer settles the batch with its `seq`. If the worker fails, the batches still open and every later one
 * are checked on this thread, so a verdict is never lost.
 */
export function createPortVerifier(port: VerifyPort): EntryVerifier {
  const waiting = new Map<number, { sessionId: string; jobs: VerifyJob[]; resolve: (results: boolean[]) => void }>()
  let fallback: EntryVerifier | undefined
  let seq = 0
  const fail = (): void => {
    port.terminate()
    fallback ??= createInlineVerifier()
    const open = [...waiting.values()]
    waiting.clear()
    for (const batch of open) void fallback.verify(batch.sessionId, batch.jobs).then(batch.resolve)
  }
  port.onmessage = (event) => {
    const batch = waiting.get(event.data.seq)
    if (!batch) return
    waiting.delete(event.data.seq)
    batch.resolve(event.data.results.length === batch.jobs.length ? event.data.results : batch.jobs.map(() => false))
  }
  port.onerror = fail
  return {
    verify(sessionId, jobs) {
      if (jobs.length === 0) return Promise.resolve([])
      if (fallback) return fallback.verify(sessionId, jobs)
      const id = ++seq
      return new Promise((resolve) => {
        waiting.set(id, { sessionId, jobs, resolve })
        port.postMessage({ seq: id, sessionId, jobs }, [])
      })
    },
    stop() {
      waiting.clear()
      port.terminate()
    },
  }
}

/** Jobs a verifier may have outstanding before a batch goes to another one (pool of `createPoolVerifier`). */
export const POOL_BUSY_JOBS = 256

/**
 * Spreads batches over up to `size` verifiers made by `make` when first needed: each batch goes to the one with
 * the fewest jobs outstanding, and another is made only while every one made has `POOL_BUSY_JOBS` or more. A late
 * join's 2,500 checks took one Chromium worker ~0.35 s and two ~0.16 s (each worker runs its own WebCrypto
 * calls), while the page's main thread renders; a chat's few checks at a time never start a second worker.
 */
export function createPoolVerifier(make: () => EntryVerifier, size: number): EntryVerifier {
  type Member = { verifier: EntryVerifier; outstanding: number }
  const members: Member[] = []
  const pick = (): Member => {
    let least: Member | undefined
    for (const member of members) if (!least || member.outstanding < least.outstanding) least = member
    if (least && (least.outstanding < POOL_BUSY_JOBS || members.length >= size)) return least
    const member = { verifier: make(), outstanding: 0 }
    members.push(member)
    return member
  }
  return {
    async verify(sessionId, jobs) {
      if (jobs.length === 0) return []
      const member = pick()
      member.outstanding += jobs.length
      try {
        return await member.verifier.verify(sessionId, jobs)
      } finally {
        member.outstanding -= jobs.length
      }
    },
    stop() {
      members.forEach((member) => member.verifier.stop())
    },
  }
}

/**
 * Workers to check signatures on: two where the device has a core for each beside the page's main thread, else
 * one. On two cores a second worker only took the main thread's core while it applied and rendered a late join.
 */
const verifyWorkers = (): number => (typeof navigator !== 'undefined' && navigator.hardwareConcurrency >= 3 ? 2 : 1)

/** A verifier on Web Workers where the platform has them, else on this thread. */
export function createEntryVerifier(): EntryVerifier {
  if (typeof Worker === 'undefined') return createInlineVerifier()
  const make = (): EntryVerifier => {
    try {
      return createPortVerifier(new Worker(new URL('./verifyWorker.ts', import.meta.url), { type: 'module' }))
    } catch {
      return createInlineVerifier()
    }
  }
  return createPoolVerifier(make, verifyWorkers())
}
