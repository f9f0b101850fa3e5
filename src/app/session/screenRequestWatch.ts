/**
 * Screen-sharing requests in the customer doc that the session authority did
 * not sign: a peer holding only the join link asking the customer for their
 * screen in a rep's name. The customer's page never shows them (it verifies
 * against the link's key); the rep's view flags them. Each request is verified
 * once (by what was signed), when it arrives.
 */
import type * as Y from 'yjs'
import { readScreenRequests, requestsMap, type ScreenRequest } from '../../doc/screenRequests'
import { readSessionAuthority, readSessionMeta } from '../../doc/session'
import type { Tampering } from '../../doc/tamper'
import { importVerifyingKey, verifyScreenRequest } from '../../net/sessionAuthority'
import { createSerialQueue } from '../shell/serialQueue'

/** Calls `onChange` with the refused requests (as tamper findings) whenever that list changes. Returns a stop function. */
export function watchScreenRequests(customerDoc: Y.Doc, repDoc: Y.Doc, onChange: (refused: Tampering[]) => void): () => void {
  const verdicts = new Map<string, boolean>()
  const steps = createSerialQueue()
  let last = '[]'
  const signedKey = (request: ScreenRequest): string => JSON.stringify([request.id, request.repId, request.repName, request.at, request.signature ?? null])
  const publish = (): void => {
    const refused = readScreenRequests(customerDoc)
      .filter((request) => verdicts.get(signedKey(request)) === false)
      .map((request): Tampering => ({ id: `screen:${request.id}`, kind: 'screenRequest', claimedName: request.repName, claimedRole: 'rep', text: '' }))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
    const key = JSON.stringify(refused)
    if (key === last) return
    last = key
    onChange(refused)
  }
  const check = (): void => {
    const authority = readSessionAuthority(repDoc)
    if (!authority) return // a session made before signatures: nothing can be told apart
    const unknown = readScreenRequests(customerDoc).filter((request) => !verdicts.has(signedKey(request)))
    if (unknown.length === 0) return publish()
    steps.enqueue(async () => {
      const key = await importVerifyingKey(authority.publicKey)
      const sessionId = readSessionMeta(repDoc)?.sessionId ?? ''
      for (const request of unknown) verdicts.set(signedKey(request), key !== undefined && (await verifyScreenRequest(key, sessionId, request)))
      if (!steps.stopped()) publish()
    })
  }
  const requests = requestsMap(customerDoc)
  requests.observe(check)
  check()
  return () => {
    steps.stop()
    requests.unobserve(check)
  }
}
