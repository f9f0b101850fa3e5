/** The client's runtime config (`GET /config.json`), read from the environment so deploys change it without a rebuild. */

/** One ICE server as the browser's `RTCIceServer` expects it. */
export interface IceServer {
  urls: string | string[]
  username?: string
  credential?: string
}

/** What `/config.json` returns; an empty `signaling` means "same origin `/signal`" (the client computes it). */
export interface RuntimeConfig {
  signaling: string[]
  iceServers: IceServer[]
  /** `ICE_TRANSPORT_POLICY=relay` forces every peer link through TURN (hides IPs; proves a TURN deploy); absent means `all`. */
  iceTransportPolicy?: 'all' | 'relay'
}

/** Environment variables as Node gives them. */
export type Env = Readonly<Record<string, string | undefined>>

/** A bad environment variable; its message names the variable and says what was expected. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

const ICE_URL_SCHEMES = ['stun:', 'stuns:', 'turn:', 'turns:']

/** Reads `SIGNALING_URLS`, `ICE_SERVERS` (STUN, or TURN without credentials) and `ICE_TRANSPORT_POLICY`, throwing a `ConfigError` that explains any bad value. */
export function readRuntimeConfig(env: Env): RuntimeConfig {
  const config: RuntimeConfig = { signaling: readSignalingUrls(env.SIGNALING_URLS), iceServers: readIceServers(env.ICE_SERVERS) }
  const policy = readIcePolicy(env.ICE_TRANSPORT_POLICY)
  if (policy !== undefined) config.iceTransportPolicy = policy
  return config
}

function readIcePolicy(raw: string | undefined): 'all' | 'relay' | undefined {
  const value = raw?.trim().toLowerCase()
  if (value === undefined || value === '') return undefined
  if (value !== 'all' && value !== 'relay') throw new ConfigError(`ICE_TRANSPORT_POLICY: "${raw}" must be all or relay`)
  return value
}

function readSignalingUrls(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return []
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      let url: URL
      try {
        url = new URL(part)
      } catch {
        throw new ConfigError(`SIGNALING_URLS: "${part}" is not a URL (expected comma-separated ws:// or wss:// URLs)`)
      }
      if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
        throw new ConfigError(`SIGNALING_URLS: "${part}" must start with ws:// or wss://`)
      }
      return part
    })
}

function readIceServers(raw: string | undefined): IceServer[] {
  if (raw === undefined || raw.trim() === '') return []
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    throw new ConfigError('ICE_SERVERS: not valid JSON (expected e.g. [{"urls":"stun:stun.example.org:3478"}])')
  }
  if (!Array.isArray(parsed)) throw new ConfigError('ICE_SERVERS: expected a JSON array of RTCIceServer objects')
  return parsed.map((item: unknown, i) => readIceServer(item, `ICE_SERVERS[${i}]`))
}

function readIceServer(item: unknown, where: string): IceServer {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw new ConfigError(`${where}: expected an object like {"urls":"stun:stun.example.org:3478"}`)
  }
  const record = item as Record<string, unknown>
  const urls = record.urls
  const list = typeof urls === 'string' ? [urls] : Array.isArray(urls) ? urls : undefined
  if (list === undefined || list.length === 0) throw new ConfigError(`${where}.urls: expected a string or a non-empty array of strings`)
  for (const url of list) {
    if (typeof url !== 'string' || !ICE_URL_SCHEMES.some((scheme) => url.startsWith(scheme))) {
      throw new ConfigError(`${where}.urls: ${JSON.stringify(url)} must start with stun:, stuns:, turn: or turns:`)
    }
  }
  // /config.json is public: a static TURN password there makes the TURN server an open relay (issue 18).
  if (record.username !== undefined || record.credential !== undefined) {
    throw new ConfigError(`${where}: no static TURN credentials here (anyone can read /config.json); start coturn with use-auth-secret and set TURN_SECRET and TURN_URLS`)
  }
  const server: IceServer = { urls: typeof urls === 'string' ? urls : (list as string[]) }
  return server
}
