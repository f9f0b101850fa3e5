/**
 * The rep's identity on this device: id, name, device key pair and the teams
 * it belongs to. Kept locally, never synced (team docs carry only name and id).
 */
import { readLocal, writeLocal } from './keyValue'

/** A team this device belongs to; the secret derives the team's room and its sessions' rep-doc keys. */
export interface TeamMembership {
  teamId: string
  secret: string
  name: string
}

/** The rep's profile on this device. */
export interface RepProfile {
  repId: string
  name: string
  teams: TeamMembership[]
  /** ECDSA P-256, private key non-extractable: proves this device in later features. */
  deviceKeys: CryptoKeyPair
}

const PROFILE_KEY = 'profile'

/** Loads the profile, or undefined on first run. */
export async function loadProfile(): Promise<RepProfile | undefined> {
  const raw = await readLocal<RepProfile>(PROFILE_KEY)
  return raw && typeof raw.repId === 'string' && typeof raw.name === 'string' && Array.isArray(raw.teams) ? raw : undefined
}

/** Saves the profile. */
export function saveProfile(profile: RepProfile): Promise<void> {
  return writeLocal(PROFILE_KEY, profile)
}

/** Generates this device's key pair (private half non-extractable). */
export function generateDeviceKeys(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])
}

/** What a customer device remembers of a session it joined. */
export interface CustomerIdentity {
  customerId: string
  name: string
  /** The device's signing key for this session (non-extractable); absent for identities made before signatures. */
  signingKey?: CryptoKey
  /** Its public half as the intake carries it (base64url raw key). */
  publicKey?: string
}

/** Loads the customer's identity for a session. */
export async function loadCustomerIdentity(sessionId: string): Promise<CustomerIdentity | undefined> {
  const raw = await readLocal<Record<string, unknown>>(`customer:${sessionId}`)
  if (!raw || typeof raw.customerId !== 'string' || typeof raw.name !== 'string') return undefined
  const identity: CustomerIdentity = { customerId: raw.customerId, name: raw.name }
  if (raw.signingKey instanceof CryptoKey && typeof raw.publicKey === 'string') {
    identity.signingKey = raw.signingKey
    identity.publicKey = raw.publicKey
  }
  return identity
}

/** Saves the customer's identity for a session. */
export function saveCustomerIdentity(sessionId: string, identity: CustomerIdentity): Promise<void> {
  return writeLocal(`customer:${sessionId}`, identity)
}
