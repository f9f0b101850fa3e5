/** The server process's own settings (port, host, folders, limits, proxies, origins, TURN), read from the environment. */
import { fileURLToPath } from 'node:url'
import { parseTrustedProxies, type TrustedProxies } from './clientAddress.ts'
import type { SignalingLimits } from './limits.ts'
import { makeOriginPolicy, type OriginPolicy } from './originPolicy.ts'
import { ConfigError, readRuntimeConfig, type Env, type RuntimeConfig } from './runtimeConfig.ts'
import { readTurnSettings, type TurnSettings } from './turnCredentials.ts'

/** 8123: unlikely to clash with Vite (5173) or common dev servers. */
export const DEFAULT_PORT = 8123
/** Loopback only by default; binding to the network is an explicit deploy choice. */
export const DEFAULT_HOST = '127.0.0.1'
/** `<repo>/dist`, where `vite build` writes the app. */
export const DEFAULT_DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url))
/** `<repo>/server/data` (git-ignored): where a generated portal salt is kept across restarts. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('./data', import.meta.url))

/** Numeric limits settable from the environment: variable name → field, with its accepted range. */
const LIMIT_SETTINGS: readonly [string, keyof SignalingLimits, number, number][] = [
  ['MAX_CONNECTIONS', 'maxConnections', 1, 1_000_000],
  ['MAX_CONNECTIONS_PER_IP', 'maxConnectionsPerIp', 1, 1_000_000],
  ['MESSAGES_PER_SECOND_PER_IP', 'ipMessagesPerSecond', 1, 1_000_000],
  ['SUBSCRIBES_PER_SECOND_PER_IP', 'ipSubscribesPerSecond', 1, 1_000_000],
  ['MAX_SUBSCRIBERS_PER_TOPIC', 'maxSubscribersPerTopic', 2, 1_000_000],
  ['MAX_BUFFERED_BYTES', 'maxBufferedBytes', 64 * 1024, 1024 ** 3],
  ['MAX_TOTAL_BUFFERED_BYTES', 'maxTotalBufferedBytes', 64 * 1024, 64 * 1024 ** 3],
]

/** Everything `startServer` needs, fully resolved. */
export interface ServerConfig {
  port: number
  host: string
  distDir: string
  /** `DATA_DIR`: where the server keeps its few files (a generated portal salt). */
  dataDir: string
  /** `TRUSTED_PROXIES`: the reverse proxies whose `X-Forwarded-For` names the client. */
  trustedProxies: TrustedProxies
  /** `ALLOWED_ORIGINS` on top of the app's own host: which pages may open `/signal`. */
  originAllowed: OriginPolicy
  limits: Partial<SignalingLimits>
  runtime: RuntimeConfig
  /** `TURN_SECRET`, `TURN_URLS`, `TURN_TTL_SECONDS`: short-lived TURN credentials; undefined without TURN. */
  turn: TurnSettings | undefined
  /** `REDIS_URL`: share signaling topics with other nodes through this Redis; undefined runs one node alone. */
  redisUrl: string | undefined
}

/** Reads every setting the README's deployment section lists (the portal salt is resolved at start); throws `ConfigError`. */
export function readServerConfig(env: Env): ServerConfig {
  const limits: Partial<SignalingLimits> = {}
  for (const [name, field, min, max] of LIMIT_SETTINGS) {
    const value = readInt(env, name, min, max)
    if (value !== undefined) limits[field] = value
  }
  refuseTrustProxy(env)
  return {
    port: readInt(env, 'PORT', 0, 65_535) ?? DEFAULT_PORT,
    host: nonEmpty(env.HOST) ?? DEFAULT_HOST,
    distDir: nonEmpty(env.DIST_DIR) ?? DEFAULT_DIST_DIR,
    dataDir: nonEmpty(env.DATA_DIR) ?? DEFAULT_DATA_DIR,
    trustedProxies: parseTrustedProxies(env.TRUSTED_PROXIES),
    originAllowed: makeOriginPolicy(env.ALLOWED_ORIGINS),
    limits,
    runtime: readRuntimeConfig(env),
    turn: readTurnSettings(env),
    redisUrl: readRedisUrl(env),
  }
}

/**
 * `TRUST_PROXY` believed any client's `X-Forwarded-For` (issue 18: ten sockets with made-up values got past a
 * per-IP limit of 2). It is gone; starting with it on would silently change who is counted as whom, so refuse.
 */
function refuseTrustProxy(env: Env): void {
  const raw = nonEmpty(env.TRUST_PROXY)?.toLowerCase()
  if (raw === undefined || raw === '0' || raw === 'false') return
  throw new ConfigError(
    'TRUST_PROXY is no longer supported: list your reverse proxies instead, e.g. TRUSTED_PROXIES=127.0.0.1 ' +
      '(X-Forwarded-For is now believed only from those addresses). Unset TRUST_PROXY to start.',
  )
}

function readRedisUrl(env: Env): string | undefined {
  const raw = nonEmpty(env.REDIS_URL)
  if (raw === undefined) return undefined
  if (!/^rediss?:\/\/[^\s]+$/.test(raw)) throw new ConfigError('REDIS_URL: expected redis://host:port or rediss://host:port')
  return raw
}

function nonEmpty(raw: string | undefined): string | undefined {
  const value = raw?.trim()
  return value === undefined || value === '' ? undefined : value
}

function readInt(env: Env, name: string, min: number, max: number): number | undefined {
  const raw = nonEmpty(env[name])
  if (raw === undefined) return undefined
  const value = Number(raw)
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name}: "${raw}" must be a whole number from ${min} to ${max}`)
  }
  return value
}
