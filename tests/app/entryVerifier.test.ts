import { describe, expect, test } from 'vitest'
import { POOL_BUSY_JOBS, createInlineVerifier, createKeyCache, createPoolVerifier, createPortVerifier, verifyJobs, type EntryVerifier, type VerifyJob, type VerifyPort, type VerifyRequest, type VerifyResponse } from '../../src/app/customer/entryVerifier'
import { createDeviceSigningKeys, signEntry } from '../../src/net/sessionAuthority'
import type { Entry } from '../../src/doc/entry'
import { T0 } from '../doc/fixtures'

const SESSION = 'session-1'

const entry = (i: number, text = `message ${i}`): Entry => ({
  id: `0000000${String(i).padStart(2, '0')}.0000.a`,
  kind: 'chat',
  audience: 'all',
  authorId: 'rep-1',
  authorName: 'Rafa',
  authorRole: 'rep',
  text,
  at: T0 + i,
})

/** `count` entries signed by one key; every third one is tampered with after signing (same signature), so it must fail. */
async function signedJobs(count: number): Promise<{ jobs: VerifyJob[]; expected: boolean[] }> {
  const keys = await createDeviceSigningKeys()
  const jobs: VerifyJob[] = []
  const expected: boolean[] = []
  for (let i = 0; i < count; i++) {
    const signature = await signEntry(keys.privateKey, SESSION, entry(i))
    const forged = i % 3 === 2
    jobs.push({ entry: forged ? entry(i, 'pay here') : entry(i), signature, publicKey: keys.publicKey })
    expected.push(!forged)
  }
  return { jobs, expected }
}

/** A worker stand-in: holds each batch until the test answers it (in any order), answering as verifyWorker.ts does. */
function fakeWorker() {
  const asked: VerifyRequest[] = []
  let terminated = false
  const keyFor = createKeyCache()
  const port: VerifyPort = {
    postMessage: (message) => void asked.push(structuredClone(message)), // what crosses to a worker is a copy
    onmessage: null,
    onerror: null,
    terminate: () => void (terminated = true),
  }
  const answer = async (request: VerifyRequest): Promise<void> => {
    const response: VerifyResponse = { seq: request.seq, results: await verifyJobs(request.sessionId, request.jobs, keyFor) }
    port.onmessage?.({ data: response } as MessageEvent<VerifyResponse>)
  }
  return { port, asked, answer, crash: () => port.onerror?.({} as ErrorEvent), terminated: () => terminated }
}

describe('entry signature checks', () => {
  test("a valid signature verifies; a changed entry, another key's signature, another session, garbage and a bad key do not", async () => {
    const verifier = createInlineVerifier()
    const mine = await createDeviceSigningKeys()
    const other = await createDeviceSigningKeys()
    const signature = await signEntry(mine.privateKey, SESSION, entry(1))
    const byOther = await signEntry(other.privateKey, SESSION, entry(1))
    const jobs: VerifyJob[] = [
      { entry: entry(1), signature, publicKey: mine.publicKey },
      { entry: entry(1, 'message 1!'), signature, publicKey: mine.publicKey },
      { entry: { ...entry(1), authorRole: 'system' }, signature, publicKey: mine.publicKey },
      { entry: entry(1), signature: byOther, publicKey: mine.publicKey },
      { entry: entry(1), signature: 'not base64url!', publicKey: mine.publicKey },
      { entry: entry(1), signature, publicKey: 'AAAA' },
    ]
    expect(await verifier.verify(SESSION, jobs)).toEqual([true, false, false, false, false, false])
    expect(await verifier.verify('session-2', jobs.slice(0, 1))).toEqual([false])
  })

  test('a batch of 2,000 answers every job in the order asked', async () => {
    const { jobs, expected } = await signedJobs(2000)
    expect(await createInlineVerifier().verify(SESSION, jobs)).toEqual(expected)
  })

  test('through a worker, batches answered out of order each get their own verdicts', async () => {
    const worker = fakeWorker()
    const verifier = createPortVerifier(worker.port)
    const first = await signedJobs(4)
    const second = await signedJobs(7)
    const a = verifier.verify(SESSION, first.jobs)
    const b = verifier.verify(SESSION, second.jobs)
    expect(worker.asked.map((request) => request.jobs.length)).toEqual([4, 7])
    await worker.answer(worker.asked[1]!)
    await worker.answer(worker.asked[0]!)
    expect(await a).toEqual(first.expected)
    expect(await b).toEqual(second.expected)
  })

  test('an answer of the wrong length or for an unknown batch verifies nothing', async () => {
    const worker = fakeWorker()
    const verifier = createPortVerifier(worker.port)
    const { jobs } = await signedJobs(3)
    const pending = verifier.verify(SESSION, jobs)
    worker.port.onmessage?.({ data: { seq: 99, results: [true, true, true] } } as MessageEvent<VerifyResponse>)
    worker.port.onmessage?.({ data: { seq: worker.asked[0]!.seq, results: [true] } } as MessageEvent<VerifyResponse>)
    expect(await pending).toEqual([false, false, false])
  })

  test('when the worker fails, open and later batches are checked on this thread', async () => {
    const worker = fakeWorker()
    const verifier = createPortVerifier(worker.port)
    const { jobs, expected } = await signedJobs(6)
    const open = verifier.verify(SESSION, jobs)
    worker.crash()
    expect(worker.terminated()).toBe(true)
    expect(await open).toEqual(expected)
    expect(await verifier.verify(SESSION, jobs.slice(0, 3))).toEqual(expected.slice(0, 3))
    expect(worker.asked).toHaveLength(1)
  })

  test('a pool spreads a burst over a second verifier only once the first is busy, and answers each batch in order', async () => {
    const made: { asked: number[]; answer: () => void }[] = []
    // A verifier that answers "job i verified iff i is even" when told to, and records the batch sizes it got.
    const make = (): EntryVerifier => {
      const member = { asked: [] as number[], answer: () => undefined as void }
      const waiting: (() => void)[] = []
      member.answer = () => waiting.splice(0).forEach((release) => release())
      made.push(member)
      return {
        verify: (_sessionId, jobs) => {
          member.asked.push(jobs.length)
          return new Promise((resolve) => waiting.push(() => resolve(jobs.map((_, i) => i % 2 === 0))))
        },
        stop: () => undefined,
      }
    }
    const pool = createPoolVerifier(make, 2)
    const { jobs } = await signedJobs(1)
    const batch = (size: number): VerifyJob[] => Array.from({ length: size }, () => jobs[0]!)
    const small = pool.verify(SESSION, batch(10))
    expect(made).toHaveLength(1) // a chat's few checks: one verifier
    const first = pool.verify(SESSION, batch(POOL_BUSY_JOBS))
    expect(made).toHaveLength(1) // 10 outstanding: still not busy
    const second = pool.verify(SESSION, batch(300))
    expect(made).toHaveLength(2) // the first has 266 outstanding
    const third = pool.verify(SESSION, batch(20))
    expect(made).toHaveLength(2) // never more than the pool's size
    expect(made.map((member) => member.asked)).toEqual([[10, POOL_BUSY_JOBS, 20], [300]]) // the third went to the less loaded one
    made.forEach((member) => member.answer())
    for (const [pending, size] of [[small, 10], [first, POOL_BUSY_JOBS], [second, 300], [third, 20]] as const) {
      expect(await pending).toEqual(Array.from({ length: size }, (_, i) => i % 2 === 0))
    }
    expect(await pool.verify(SESSION, [])).toEqual([])
  })

  test('a pool of real verifiers gives the same verdicts as one', async () => {
    const { jobs, expected } = await signedJobs(600)
    const pool = createPoolVerifier(createInlineVerifier, 2)
    const answers = await Promise.all([pool.verify(SESSION, jobs.slice(0, 300)), pool.verify(SESSION, jobs.slice(300))])
    expect(answers.flat()).toEqual(expected)
  })
})
