/**
 * Network configuration: signaling URLs, ICE servers and the deployment's
 * portal salt, read at run time from `/config.json` so a deployment can change
 * them without a rebuild. The last good copy is cached so an offline start
 * still knows where to reconnect and which salt turns codes into rooms.
 */

/** What the network layer needs to know about the deployment. */
export interface NetConfig {
  signaling: string[]
  iceServers: RTCIceServer[]
  /** 'relay' forces every peer link through TURN (`ICE_TRANSPORT_POLICY` on the server); absent means 'all'. */
  iceTransportPolicy?: RTCIceTransportPolicy
  /** This deployment's salt for portal rooms (`PORTAL_SALT` on the server); absent from servers older than issue 17. */
  portalSalt?: string
}

const CACHE_KEY = 'asiste:net-config'
const CONFIG_TIMEOUT_MS = 3_000 // an offline start must not wait longer than this for the config
/** The server refuses salts under 16 characters; the upper bound only refuses junk. */
const PORTAL_SALT_PATTERN = /^[\x21-\x7e]{16,256}$/

/** The portal salt of the last config this page loaded (from the server or the cache). */
let knownPortalSalt: string | undefined

/** The same-origin signaling URL (`/signal` on the page's host). */
export function defaultSignalingUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/signal`
}

/** Validates a config object; unknown or malformed parts fall back to defaults. */
export function parseNetConfig(raw: unknown, fallbackSignaling: string): NetConfig {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  const signaling = Array.isArray(record.signaling)
    ? record.signaling.filter((url): url is string => typeof url === 'string' && /^wss?:\/\/[^\s]+$/.test(url))
    : []
  const iceServers = Array.isArray(record.iceServers)
    ? record.iceServers.filter(
        (server): server is RTCIceServer =>
          typeof server === 'object' && server !== null && (typeof server.urls === 'string' || Array.isArray(server.urls)),
      )
    : []
  const policy = record.iceTransportPolicy === 'relay' || record.iceTransportPolicy === 'all' ? record.iceTransportPolicy : undefined
  const salt = typeof record.portalSalt === 'string' && PORTAL_SALT_PATTERN.test(record.portalSalt) ? record.portalSalt : undefined
  return {
    signaling: signaling.length > 0 ? signaling : [fallbackSignaling],
    iceServers,
    ...(policy ? { iceTransportPolicy: policy } : {}),
    ...(salt ? { portalSalt: salt } : {}),
  }
}

/** Loads the config from the server, else the cached copy, else defaults. */
export async function loadNetConfig(): Promise<NetConfig> {
  const fallback = defaultSignalingUrl(location)
  try {
    const response = await fetch('/config.json', { cache: 'no-store', signal: AbortSignal.timeout(CONFIG_TIMEOUT_MS) })
    if (!response.ok) throw new Error(`config ${response.status}`)
    const raw: unknown = await response.json()
    localStorage.setItem(CACHE_KEY, JSON.stringify(raw))
    return remembered(parseNetConfig(raw, fallback))
  } catch {
    return remembered(parseNetConfig(readCachedConfig(), fallback))
  }
}

/** Notes the config's portal salt, so code lookups use the same one the network layer loaded. */
function remembered(config: NetConfig): NetConfig {
  if (config.portalSalt) rememberPortalSalt(config.portalSalt)
  return config
}

/** Sets the salt `portalSalt()` returns; every loaded config calls it (and tests of code lookups, with a salt of their own). */
export function rememberPortalSalt(salt: string): void {
  knownPortalSalt = salt
}

/**
 * This deployment's portal salt: the one last loaded, else the cached config's, else fetched.
 * Rejects when none is known (a page that never reached its server): a code cannot be looked up then anyway.
 */
export async function portalSalt(): Promise<string> {
  knownPortalSalt ??= parseCachedSalt()
  if (knownPortalSalt === undefined && typeof location !== 'undefined') await loadNetConfig()
  if (knownPortalSalt === undefined) throw new Error('no portal salt: this page has never loaded /config.json from a server that serves one')
  return knownPortalSalt
}

function parseCachedSalt(): string | undefined {
  const raw = readCachedConfig()
  const salt = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).portalSalt : undefined
  return typeof salt === 'string' && PORTAL_SALT_PATTERN.test(salt) ? salt : undefined
}

/** The last config fetched successfully, or {} when none is cached (or it is corrupt). */
function readCachedConfig(): unknown {
  try {
    return JSON.parse(localStorage.getItem(CACHE_KEY) ?? '{}')
  } catch {
    return {}
  }
}
