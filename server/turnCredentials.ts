/**
 * Short-lived TURN credentials in coturn's shared-secret scheme (`use-auth-secret`,
 * the "TURN REST API"): username = `<expiry unix seconds>:<label>`, credential =
 * base64(HMAC-SHA1(secret, username)). coturn recomputes the HMAC with the same
 * secret and refuses a username whose expiry has passed, so nothing static is
 * ever published and a leaked credential dies by itself.
 */
import { createHmac, randomBytes } from 'node:crypto'
import { ConfigError, type Env, type IceServer } from './runtimeConfig.ts'

/** Longer than a rep's working day on one page load (the client reads /config.json once per page); the REST-API draft suggests one day. */
export const DEFAULT_TURN_TTL_SECONDS = 12 * 60 * 60
/** Below a minute, clock skew between this node and coturn would refuse fresh credentials. */
const MIN_TTL_SECONDS = 60
/** A week: past that a "short-lived" credential is a static one. */
const MAX_TTL_SECONDS = 7 * 24 * 60 * 60
/** Shorter secrets are guessable offline from one credential (it is an HMAC of a known username). */
const MIN_SECRET_LENGTH = 16

/** What minting needs: coturn's `static-auth-secret`, the TURN URLs to hand out, and how long a credential lives. */
export interface TurnSettings {
  secret: string
  urls: string[]
  ttlSeconds: number
}

/** Reads `TURN_SECRET`, `TURN_URLS` and `TURN_TTL_SECONDS`; undefined when TURN is not configured; throws `ConfigError`. */
export function readTurnSettings(env: Env): TurnSettings | undefined {
  const secret = env.TURN_SECRET?.trim() ?? ''
  const urls = (env.TURN_URLS ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '')
  if (secret === '' && urls.length === 0) return undefined
  if (secret === '') throw new ConfigError('TURN_SECRET: required with TURN_URLS (the static-auth-secret coturn is started with)')
  if (secret.length < MIN_SECRET_LENGTH) throw new ConfigError(`TURN_SECRET: use at least ${MIN_SECRET_LENGTH} random characters (e.g. openssl rand -base64 32)`)
  if (urls.length === 0) throw new ConfigError('TURN_URLS: required with TURN_SECRET (e.g. turn:turn.example.org:3478?transport=udp)')
  for (const url of urls) {
    if (!/^turns?:[^\s]+$/.test(url)) throw new ConfigError(`TURN_URLS: "${url}" must start with turn: or turns:`)
  }
  const rawTtl = env.TURN_TTL_SECONDS?.trim() ?? ''
  const ttlSeconds = rawTtl === '' ? DEFAULT_TURN_TTL_SECONDS : Number(rawTtl)
  if (!/^\d*$/.test(rawTtl) || ttlSeconds < MIN_TTL_SECONDS || ttlSeconds > MAX_TTL_SECONDS) {
    throw new ConfigError(`TURN_TTL_SECONDS: "${rawTtl}" must be a whole number of seconds from ${MIN_TTL_SECONDS} to ${MAX_TTL_SECONDS}`)
  }
  return { secret, urls, ttlSeconds }
}

/** The username coturn accepts until `expiresAt` (unix seconds); the label only tells fetches apart in coturn's logs. */
export function turnUsername(expiresAt: number, label: string): string {
  return `${expiresAt}:${label}`
}

/** base64(HMAC-SHA1(secret, username)): the password coturn derives for `username` under `static-auth-secret`. */
export function turnCredential(secret: string, username: string): string {
  return createHmac('sha1', secret).update(username).digest('base64')
}

/** A fresh ICE server entry valid for `ttlSeconds` from `nowMs`, with a random label per call. */
export function mintTurnServer(settings: TurnSettings, nowMs: number = Date.now(), label: string = randomBytes(6).toString('base64url')): IceServer {
  const username = turnUsername(Math.floor(nowMs / 1000) + settings.ttlSeconds, label)
  return { urls: settings.urls, username, credential: turnCredential(settings.secret, username) }
}
