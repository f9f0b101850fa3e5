/**
 * The Web Worker that checks entry signatures for the customer's page
 * (entryVerifier.ts): one answer per batch, the keys imported once.
 */
import { createKeyCache, verifyJobs, type VerifyRequest, type VerifyResponse } from './entryVerifier'

const keyFor = createKeyCache()
const scope = self as unknown as { onmessage: ((event: MessageEvent<VerifyRequest>) => void) | null; postMessage(message: VerifyResponse): void }

scope.onmessage = (event) => {
  const { seq, jobs } = event.data
  void verifyJobs(jobs, keyFor).then((results) => scope.postMessage({ seq, results }))
}
