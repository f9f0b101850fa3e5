/**
 * Network configuration: signaling URLs and ICE servers, read at run time from
 * `/config.json` so a deployment can change them without a rebuild. The last
 * good copy is cached so an offline start still knows where to reconnect.
 */

/** What the network layer needs to know about the deployment. */
export interface NetConfig {
  signaling: string[]
  iceServers: RTCIceServer[]
  /** 'relay' forces every peer link through TURN (`ICE_TRANSPORT_POLICY` on the server); absent means 'all'. */
  iceTransportPolicy?: RTCIceTransportPolicy
}

const CACHE_KEY = 'asiste:net-config'
const CONFIG_TIMEOUT_MS = 3_000 // an offline start must not wait longer than this for the config

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
  return { signaling: signaling.length > 0 ? signaling : [fallbackSignaling], iceServers, ...(policy ? { iceTransportPolicy: policy } : {}) }
}

/** Loads the config from the server, else the cached copy, else defaults. */
export async function loadNetConfig(): Promise<NetConfig> {
  const fallback = defaultSignalingUrl(location)
  try {
    const response = await fetch('/config.json', { cache: 'no-store', signal: AbortSignal.timeout(CONFIG_TIMEOUT_MS) })
    if (!response.ok) throw new Error(`config ${response.status}`)
    const raw: unknown = await response.json()
    localStorage.setItem(CACHE_KEY, JSON.stringify(raw))
    return parseNetConfig(raw, fallback)
  } catch {
    return parseNetConfig(readCachedConfig(), fallback)
  }
}

/** The last config fetched successfully, or {} when none is cached (or it is corrupt). */
function readCachedConfig(): unknown {
  try {
    return JSON.parse(localStorage.getItem(CACHE_KEY) ?? '{}')
  } catch {
    return {}
  }
}
