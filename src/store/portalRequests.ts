/**
 * The customer's own portal request on this device (IndexedDB, never synced): its id and key pair, so
 * the request survives closing the tab; and the intake a taken request hands to its session's page,
 * so the customer does not type it twice.
 */
import type { RequestPayload } from '../doc/portalQueue'
import type { SealKeys } from '../net/portalSeal'
import { deleteLocal, readLocal, writeLocal } from './keyValue'

/** A request this device submitted. */
export interface StoredRequest {
  requestId: string
  keys: SealKeys
  payload: RequestPayload
  submittedAt: number
}

/** The intake a picked session starts with. */
export interface PrefilledIntake {
  name: string
  request: string
  system: Record<string, string>
}

const requestKey = (portalId: string): string => `portal-request:${portalId}`
const intakeKey = (sessionId: string): string => `portal-intake:${sessionId}`

/** The request this device has waiting at a portal, if any. */
export function loadStoredRequest(portalId: string): Promise<StoredRequest | undefined> {
  return readLocal<StoredRequest>(requestKey(portalId))
}

/** Remembers the waiting request. */
export function saveStoredRequest(portalId: string, request: StoredRequest): Promise<void> {
  return writeLocal(requestKey(portalId), request)
}

/** Forgets it (cancelled, rejected, or handed over to its session). */
export function forgetStoredRequest(portalId: string): Promise<void> {
  return deleteLocal(requestKey(portalId))
}

/** Leaves the intake for the session page of `sessionId`. */
export function savePrefilledIntake(sessionId: string, intake: PrefilledIntake): Promise<void> {
  return writeLocal(intakeKey(sessionId), intake)
}

/** Takes (reads and deletes) the intake left for `sessionId`. */
export async function takePrefilledIntake(sessionId: string): Promise<PrefilledIntake | undefined> {
  const intake = await readLocal<PrefilledIntake>(intakeKey(sessionId))
  if (intake) await deleteLocal(intakeKey(sessionId))
  return intake
}
