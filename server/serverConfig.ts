/** The server process's own settings (port, host, dist folder, connection limits), read from the environment. */
import { fileURLToPath } from 'node:url'
import { ConfigError, readRuntimeConfig, type Env, type RuntimeConfig } from './runtimeConfig.ts'
import type { SignalingLimits } from './limits.ts'

/** 8123: unlikely to clash with Vite (5173) or common dev servers. */
export const DEFAULT_PORT = 8123
/** Loopback only by default; binding to the network is an explicit deploy choice. */
export const DEFAULT_HOST = '127.0.0.1'
/** `<repo>/dist`, where `vite build` writes the app. */
export const DEFAULT_DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url))

/** Everything `startServer` needs, fully resolved. */
export interface ServerConfig {
  port: number
  host: string
  distDir: string
  /** Take the client IP from `X-Forwarded-For` (only behind a reverse proxy you control). */
  trustProxy: boolean
  limits: Partial<SignalingLimits>
  runtime: RuntimeConfig
  /** `REDIS_URL`: share signaling topics with other nodes through this Redis; undefined runs one node alone. */
  redisUrl: string | undefined
}

/** Reads PORT, HOST, DIST_DIR, TRUST_PROXY, MAX_CONNECTIONS, MAX_CONNECTIONS_PER_IP, REDIS_URL and the runtime config; throws `ConfigError`. */
export function readServerConfig(env: Env): ServerConfig {
  const limits: Partial<SignalingLimits> = {}
  const maxConnections = readInt(env, 'MAX_CONNECTIONS', 1, 1_000_000)
  if (maxConnections !== undefined) limits.maxConnections = maxConnections
  const maxPerIp = readInt(env, 'MAX_CONNECTIONS_PER_IP', 1, 1_000_000)
  if (maxPerIp !== undefined) limits.maxConnectionsPerIp = maxPerIp
  return {
    port: readInt(env, 'PORT', 0, 65_535) ?? DEFAULT_PORT,
    host: nonEmpty(env.HOST) ?? DEFAULT_HOST,
    distDir: nonEmpty(env.DIST_DIR) ?? DEFAULT_DIST_DIR,
    trustProxy: readBool(env, 'TRUST_PROXY'),
    limits,
    runtime: readRuntimeConfig(env),
    redisUrl: readRedisUrl(env),
  }
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

function readBool(env: Env, name: string): boolean {
  const raw = nonEmpty(env[name])?.toLowerCase()
  if (raw === undefined || raw === '0' || raw === 'false') return false
  if (raw === '1' || raw === 'true') return true
  throw new ConfigError(`${name}: "${raw}" must be true/false or 1/0`)
}
