/**
 * Which web pages may open `/signal` (issue 18): browsers send the page's
 * `Origin` with every WebSocket handshake, so without this check any site
 * could make its visitors' browsers probe or flood the relay. Allowed: pages
 * served from the host the request is addressed to (the app itself, on any
 * port or scheme of that host name), and the origins in `ALLOWED_ORIGINS`
 * (the app's origin, when this node is a signaling URL of an app served elsewhere).
 *
 * A request with no `Origin` is not from a web page (browsers always send
 * one): it is accepted. Such a client could write any `Origin` it likes, so
 * refusing it would stop nobody; per-address limits are what bound it.
 */
import type { IncomingMessage } from 'node:http'
import { ConfigError } from './runtimeConfig.ts'

/** Decides whether a handshake's `Origin` may use the relay. */
export type OriginPolicy = (req: IncomingMessage) => boolean

/** Parses `ALLOWED_ORIGINS` (comma-separated `https://app.example.org` origins) into the policy; throws `ConfigError`. */
export function makeOriginPolicy(raw: string | undefined): OriginPolicy {
  const allowed = new Set<string>()
  for (const entry of (raw ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    let url: URL | undefined
    try {
      url = new URL(entry)
    } catch {
      url = undefined
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== entry.replace(/\/$/, '')) {
      throw new ConfigError(`ALLOWED_ORIGINS: "${entry}" is not an origin (expected e.g. https://app.example.org, no path)`)
    }
    allowed.add(url.origin)
  }
  return (req) => {
    const origin = req.headers.origin
    if (origin === undefined) return true
    if (allowed.has(origin)) return true
    let url: URL
    try {
      url = new URL(origin)
    } catch {
      return false // includes "null" (sandboxed frames, file: pages)
    }
    return url.hostname !== '' && url.hostname === hostnameOf(req.headers.host)
  }
}

/** The host name of a `Host` header (`example.org:8123` → `example.org`, `[::1]:80` → `[::1]`). */
function hostnameOf(host: string | undefined): string | undefined {
  if (host === undefined) return undefined
  try {
    return new URL(`http://${host}`).hostname
  } catch {
    return undefined
  }
}
