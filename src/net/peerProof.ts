/**
 * Proofs between two ends of a data-channel link, and of reps' requests to the
 * customer. Credentials requests are signed by the session authority and the
 * customer's page acts only on those that verify (src/app/tools/credentials.ts).
 * The link challenge — a peer answering a fresh challenge with the session key
 * before the customer's page sends it screen or files — is run per link by
 * src/net/linkProofs.ts. Pure functions over WebCrypto. Formats: docs/SCHEMA.md,
 * "Signatures and identities" and "Link proofs".
 */
import { credentialRequestBytes, type CredentialRequest } from '../doc/credentialRequests'
import { fromBase64url, signBytes, toBase64url, verifyBytes } from './sessionAuthority'

/** Challenge size: 256 random bits, so a recorded answer never matches a later challenge. */
const CHALLENGE_BYTES = 32

/** Prefix of the signed proof bytes, so a proof can never pass for an entry's or a request's signature. */
const PROOF_CONTEXT = 'asiste/link-proof/v1'

/** A fresh random challenge (base64url) for one link. */
export function makeChallenge(): string {
  return toBase64url(crypto.getRandomValues(new Uint8Array(CHALLENGE_BYTES)))
}

import type { LinkEnd } from './presence'

export type { LinkEnd }

/**
 * Who a proof is for: the answering end (the rep) and the challenging end (the customer's page). The
 * fingerprints bind it to this very WebRTC connection: a peer relaying a challenge to a real rep over its
 * own connection gets a proof naming its own certificate, never the rep's, so it verifies nowhere else.
 */
export interface LinkBinding {
  prover: LinkEnd
  verifier: LinkEnd
}

function proofBytes(sessionId: string, challenge: string, link: LinkBinding): Uint8Array<ArrayBuffer> {
  const { prover, verifier } = link
  return new TextEncoder().encode(JSON.stringify([PROOF_CONTEXT, sessionId, challenge, prover.peerId, verifier.peerId, prover.fingerprint, verifier.fingerprint]))
}

/**
 * A rep's answer to `challenge` on one link to the customer's page: the authority's signature over the
 * session, the challenge and both ends of the link (so it cannot be replayed or relayed to another link).
 */
export function proveSessionKey(authorityKey: CryptoKey, sessionId: string, challenge: string, link: LinkBinding): Promise<string> {
  return signBytes(authorityKey, proofBytes(sessionId, challenge, link))
}

/** Whether `proof` answers `challenge` on `link` with the session's key (the link's verification key). */
export async function verifyPeerProof(verifyingKey: CryptoKey, sessionId: string, challenge: string, link: LinkBinding, proof: unknown): Promise<boolean> {
  if (typeof proof !== 'string' || fromBase64url(challenge)?.length !== CHALLENGE_BYTES) return false
  return verifyBytes(verifyingKey, proofBytes(sessionId, challenge, link), proof)
}

/** Signs a credentials request as the session authority (the requesting rep's client, before writing it). */
export function signCredentialRequest(authorityKey: CryptoKey, sessionId: string, request: CredentialRequest): Promise<string> {
  return signBytes(authorityKey, credentialRequestBytes(sessionId, request))
}

/** Whether a credentials request was made by a rep of this session: signed by the authority, key included. */
export function verifyCredentialRequest(verifyingKey: CryptoKey, sessionId: string, request: CredentialRequest): Promise<boolean> {
  return request.signature === undefined ? Promise.resolve(false) : verifyBytes(verifyingKey, credentialRequestBytes(sessionId, request), request.signature)
}
