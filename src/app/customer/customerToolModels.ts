/**
 * The customer's screen sharing, file transfers and credentials models with everything they run on
 * (WebRTC side channels, link proofs, sealing): one chunk, fetched on the first use of any of them
 * (src/app/customer/customerTools.ts), never with the page (issue 20, bundles).
 */
import type { Accessor } from 'solid-js'
import type * as Y from 'yjs'
import type { DocConnection } from '../../net/connectDoc'
import type { CustomerIdentity } from '../../store/profile'
import type { ScreenRequest } from '../../doc/screenRequests'
import { importVerifyingKey, verifyScreenRequest } from '../../net/sessionAuthority'
import { verifyCredentialRequest } from '../../net/peerProof'
import { createProvenPeers, type ProvenPeers } from '../tools/provenPeers'
import { createCustomerScreen, type CustomerScreen } from '../tools/screenShare'
import { createCustomerFileTransfers, type CaughtChannel, type FileTransfers } from '../tools/fileTransfer'
import { createCustomerCredentials, type CustomerCredentials, type RequestCheck } from '../tools/credentials'

/** What the customer's tools need from the session. */
export interface CustomerToolDeps {
  doc: Y.Doc
  connection: Accessor<DocConnection | undefined>
  identity: Accessor<CustomerIdentity | undefined>
  sessionId: string
  /** The session key from the join link (undefined for links made before signatures: nothing verifies). */
  authority: string | undefined
}

/** Checks credentials requests against the link's session key (imported once). */
function requestCheck(sessionId: string, authority: string): RequestCheck {
  const key = importVerifyingKey(authority)
  return async (request) => {
    const verifying = await key
    return verifying !== undefined && (await verifyCredentialRequest(verifying, sessionId, request))
  }
}

/** Checks screen requests against the link's session key (imported once). */
function screenCheck(sessionId: string, authority: string): (request: ScreenRequest) => Promise<boolean> {
  const key = importVerifyingKey(authority)
  return async (request) => {
    const verifying = await key
    return verifying !== undefined && (await verifyScreenRequest(verifying, sessionId, request))
  }
}

/** Which peers proved the session key (screen and files act only on those). Needs a reactive owner. */
export function makeProvenPeers(deps: CustomerToolDeps): ProvenPeers {
  return createProvenPeers(deps.connection, deps.sessionId, deps.authority)
}

/** The customer's screen sharing. Needs a reactive owner. */
export function makeScreen(deps: CustomerToolDeps, proven: ProvenPeers): CustomerScreen {
  return createCustomerScreen(deps.doc, deps.connection, deps.identity, proven, deps.authority === undefined ? undefined : screenCheck(deps.sessionId, deps.authority))
}

/** The customer's file transfers, taking the side channels caught before they existed. Needs a reactive owner. */
export function makeFileTransfers(deps: CustomerToolDeps, proven: ProvenPeers, caught: CaughtChannel[]): FileTransfers {
  return createCustomerFileTransfers(deps.doc, deps.connection, deps.identity, proven, undefined, caught)
}

/** The customer's credential requests. Needs a reactive owner. */
export function makeCredentials(deps: CustomerToolDeps): CustomerCredentials {
  return createCustomerCredentials(deps.doc, deps.identity, deps.authority === undefined ? undefined : requestCheck(deps.sessionId, deps.authority))
}
