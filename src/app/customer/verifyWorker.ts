/**
 * The Web Worker that checks entry signatures for the customer's page
 * (entryVerifier.ts): builds each entry's signed bytes, checks the signature,
 * one answer per batch; the keys are imported once.
 */
import { createKeyCache, verifyJobs, type VerifyRequest, type VerifyResponse } from './entryVerifier'

const keyFor = createKeyCache()
const scope = self as unknown as { onmessage: ((event: MessageEvent<VerifyRequest>) => void) | null; postMessage(message: VerifyResponse): void }

scope.onmessage = (event) => {
  const { seq, sessionId, jobs } = event.data
  void verifyJobs(sessionId, jobs, keyFor).then((results) => scope.postMessage({ seq, results }))
}
