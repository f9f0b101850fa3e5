/**
 * Login credentials, end to end encrypted to the requesting rep. The rep's
 * client makes an ECDH P-256 key pair per request (private key
 * non-extractable, kept on this device in IndexedDB until the answer is
 * opened or declined, so a tab switch or a reload loses nothing:
 * src/store/credentialKeys.ts) and publishes the public key in the request; the customer's client seals `{ user, password }` with AES-GCM
 * under ECDH(ephemeral key, rep key). Only ciphertext reaches the customer
 * doc; the rep's client decrypts it into memory, shows it once and erases
 * the ciphertext from the doc. The transcript notes only provided/declined.
 */
import { createEffect, createMemo, createSignal, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import { putCredentialRequest, readCredentialRequests, type CredentialRequest, type PublicPoint, type Sealed } from '../../doc/credentialRequests'
import { appendStatusNote } from '../../doc/transcript'
import { customerWriter } from '../session/writers'
import { randomId } from '../../net/roomKeys'
import { exportPoint, openSealed, seal } from '../../net/sealedBox'
import type { CustomerIdentity } from '../../store/profile'
import { deleteCredentialKey, loadCredentialKeys, saveCredentialKey } from '../../store/credentialKeys'
import { createDocReader } from '../shell/createDocReader'
import type { RepSession } from '../session/repSession'
import { readSessionAuthority } from '../../doc/session'
import { importSigningKey } from '../../net/sessionAuthority'
import { signCredentialRequest } from '../../net/peerProof'

/** Plain credentials: held in memory only, never written anywhere. */
export interface Credentials {
  user: string
  password: string
}

/** The request id is the AES-GCM additional data, so a sealed answer cannot be moved to another request. */
function sealCredentials(repKey: PublicPoint, requestId: string, credentials: Credentials): Promise<Sealed> {
  return seal(repKey, requestId, JSON.stringify(credentials))
}

async function open(privateKey: CryptoKey, request: CredentialRequest): Promise<Credentials | undefined> {
  const sealed = request.sealed
  if (!sealed) return undefined
  const text = await openSealed(privateKey, sealed, request.id)
  if (text === undefined) return undefined
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed !== 'object' || parsed === null) return undefined
    const { user, password } = parsed as Record<string, unknown>
    return typeof user === 'string' && typeof password === 'string' ? { user, password } : undefined
  } catch {
    return undefined
  }
}

/** The rep's side. */
export interface RepCredentials {
  /** Credentials just received, until `dismiss` (shown once). */
  revealed: Accessor<Credentials | undefined>
  pending: Accessor<boolean>
  request(rep: { repId: string; name: string }): Promise<void>
  dismiss(): void
}

/** Creates the rep's credential requests of a session. Needs a reactive owner (a session model's root), no view. */
export function createRepCredentials(session: Pick<RepSession, 'sessionId' | 'customerDoc' | 'customer' | 'repDoc'>): RepCredentials {
  const requests = createDocReader(session.customerDoc, readCredentialRequests)
  const keys = new Map<string, CryptoKey>() // request id → private key (also in IndexedDB)
  const [keyIds, setKeyIds] = createSignal<ReadonlySet<string>>(new Set())
  const keysChanged = (): void => {
    setKeyIds(new Set(keys.keys()))
  }
  const [revealed, setRevealed] = createSignal<Credentials>()
  // Requests made before a reload or by an earlier controller of this session: their answers can still be opened.
  void loadCredentialKeys(session.sessionId)
    .then((stored) => {
      stored.forEach((key, id) => keys.set(id, keys.get(id) ?? key))
      keysChanged()
    })
    .catch(() => undefined) // no IndexedDB (private mode): only this page's requests can be opened
  createEffect(() => {
    keyIds()
    for (const request of requests()) {
      const key = keys.get(request.id)
      if (!key || request.state === 'pending') continue
      keys.delete(request.id)
      void open(key, request)
        .then((credentials) => {
          if (credentials) setRevealed(credentials)
          // Erase the ciphertext too: the answer has reached the only key that can read it.
          if (request.sealed) putCredentialRequest(session.customerDoc, { ...request, sealed: undefined })
          return deleteCredentialKey(request.id)
        })
        .catch(() => undefined)
    }
  })
  return {
    revealed,
    pending: () => requests().some((request) => request.state === 'pending' && keyIds().has(request.id)),
    async request(rep) {
      if (!session.customer()) return
      // Signed by the session authority (reps only): the customer's page seals only to a request a rep of this session made.
      const authority = readSessionAuthority(session.repDoc)
      const signingKey = authority && (await importSigningKey(authority.privateKey))
      if (!signingKey) throw new Error('this session has no authority key to sign the request with')
      const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveKey'])
      const id = randomId()
      // Kept before the request is published, so a reload the moment after cannot orphan the answer.
      await saveCredentialKey(session.sessionId, id, pair.privateKey).catch(() => undefined)
      keys.set(id, pair.privateKey)
      keysChanged()
      const request: CredentialRequest = { id, repId: rep.repId, repName: rep.name, at: Date.now(), state: 'pending', publicKey: await exportPoint(pair.publicKey) }
      putCredentialRequest(session.customerDoc, { ...request, signature: await signCredentialRequest(signingKey, session.sessionId, request) })
    },
    dismiss: () => setRevealed(undefined),
  }
}

/** The customer's side. */
export interface CustomerCredentials {
  pending: Accessor<CredentialRequest | undefined>
  send(credentials: Credentials): Promise<void>
  decline(): void
}

/** Whether a rep of this session made a request (its signature verifies); absent: nothing can be verified. */
export type RequestCheck = (request: CredentialRequest) => Promise<boolean>

/**
 * Creates the customer's side. Must run inside a reactive owner. Only requests that `verify` accepts are
 * shown: a peer holding only the join link cannot ask for the password, nor swap the key it is sealed to.
 */
export function createCustomerCredentials(doc: Y.Doc, identity: Accessor<CustomerIdentity | undefined>, verify?: RequestCheck): CustomerCredentials {
  const requests = createDocReader(doc, readCredentialRequests)
  // Verdicts per request, keyed by its signed content, so a request rewritten after it verified is checked again.
  const [verdicts, setVerdicts] = createSignal(new Map<string, boolean>(), { equals: false })
  const contentOf = (request: CredentialRequest): string => JSON.stringify([request.id, request.repId, request.repName, request.at, request.publicKey, request.signature])
  createEffect(() => {
    for (const request of requests()) {
      const content = contentOf(request)
      if (request.state !== 'pending' || verdicts().has(content)) continue
      verdicts().set(content, false)
      if (!verify) continue
      void verify(request)
        .catch(() => false)
        .then((ok) => setVerdicts((map) => map.set(content, ok)))
    }
  })
  const verified = createMemo(() => requests().filter((request) => request.state === 'pending' && verdicts().get(contentOf(request)) === true))
  const pending = (): CredentialRequest | undefined => verified()[0]
  const note = (event: 'credentialsProvided' | 'credentialsDeclined', request: CredentialRequest): void => {
    const me = identity()
    if (me) appendStatusNote(doc, customerWriter(me), event, { eventKey: `credentials:${request.id}` })
  }
  return {
    pending,
    async send(credentials) {
      const request = pending()
      if (!request) return
      const sealed = await sealCredentials(request.publicKey, request.id, credentials)
      putCredentialRequest(doc, { ...request, state: 'provided', sealed })
      note('credentialsProvided', request)
    },
    decline() {
      const request = pending()
      if (!request) return
      putCredentialRequest(doc, { ...request, state: 'declined' })
      note('credentialsDeclined', request)
    },
  }
}
