/**
 * Keys reps derive from their team secret with HKDF-SHA-256 (RFC 5869), so they never need storing:
 * a session's rep doc key and a team period document's key. Apart from roomKeys.ts because only reps
 * derive keys: the customer page loads neither HKDF nor HMAC (issue 20, bundles).
 */
import { hkdf } from '@noble/hashes/hkdf.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { KEY_BYTES, fromBase64Url, toBase64Url } from './roomKeys'

/** Bytes of a rep key (HKDF output). */
const REP_KEY_BYTES = KEY_BYTES * 2

/**
 * The rep doc key of a session, derived from the team secret with HKDF-SHA-256
 * (RFC 5869), so it never needs storing. Computed in JavaScript rather than
 * crypto.subtle for the same reason as `roomName`: the browser's crypto queue
 * is busy with every room's PBKDF2 while the console starts.
 */
export async function deriveRepKey(teamSecret: string, sessionId: string): Promise<string> {
  const encoder = new TextEncoder()
  const okm = hkdf(sha256, fromBase64Url(teamSecret), encoder.encode('asiste/rep-doc/v1'), encoder.encode(sessionId), REP_KEY_BYTES)
  return Promise.resolve(toBase64Url(okm))
}

/**
 * The key of one period document of a team's session index (`<teamId>:s<day>`, src/doc/teamSessions.ts),
 * derived from the team secret like a rep doc key (own salt, so the two never collide): any rep of the
 * team can open any day, and nothing needs storing or sending.
 */
export async function deriveTeamPeriodKey(teamSecret: string, periodId: string): Promise<string> {
  const encoder = new TextEncoder()
  const okm = hkdf(sha256, fromBase64Url(teamSecret), encoder.encode('asiste/team-sessions/v1'), encoder.encode(periodId), REP_KEY_BYTES)
  return Promise.resolve(toBase64Url(okm))
}
