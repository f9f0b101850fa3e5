/**
 * Hash routes: `#/` rep console, `#/join/<sessionId>.<key>[.<authority>]` customer page, `#/portal`
 * session-code page. `authority` is the session's verification key (docs/SCHEMA.md, "Signatures and
 * identities"); links made before it existed have none, and their page treats reps' content as unverified.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js'
import { isValidKey } from '../../net/roomKeys'
import { parsePublicKey } from '../../doc/signatures'
import type { EntryWay } from '../../doc/intake'

/** A parsed route. */
export type Route =
  | { page: 'console' }
  | { page: 'join'; sessionId: string; key: string; authority?: string; via?: 'portal' }
  | { page: 'portal' }
  /** A team portal's request page: the portal's room id, its sealing key and its signing key (public halves). */
  | { page: 'request'; portalId: string; sealKey: string; signKey: string }
  | { page: 'history' }
  | { page: 'badLink' }

/** Parses `location.hash`. The keys stay in the fragment: they are never sent to a server. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '')
  const join = /^\/join\/([A-Za-z0-9_-]{6,64})\.([A-Za-z0-9_-]+)(?:\.([A-Za-z0-9_-]+))?(\?via=portal)?$/.exec(path)
  if (join) {
    const [, sessionId, key, authorityText, viaPortal] = join
    const authority = authorityText === undefined ? undefined : parsePublicKey(authorityText)
    if (!sessionId || !key || !isValidKey(key) || (authorityText !== undefined && !authority)) return { page: 'badLink' }
    return { page: 'join', sessionId, key, ...(authority ? { authority } : {}), ...(viaPortal ? { via: 'portal' as const } : {}) }
  }
  if (/^\/portal\/?$/.test(path)) return { page: 'portal' }
  const request = /^\/p\/([A-Za-z0-9_-]{6,64})\.([A-Za-z0-9_-]{87})\.([A-Za-z0-9_-]{43,100})$/.exec(path)
  if (request) {
    const [, portalId, sealKey, signKey] = request
    const sign = parsePublicKey(signKey)
    return portalId && sealKey && sign ? { page: 'request', portalId, sealKey, signKey: sign } : { page: 'badLink' }
  }
  if (path.startsWith('/p/')) return { page: 'badLink' }
  if (/^\/history\/?$/.test(path)) return { page: 'history' }
  if (path.startsWith('/join')) return { page: 'badLink' }
  return { page: 'console' }
}

/** The customer's join link for a session; `authority` is the session's verification key. */
export function customerLink(origin: string, sessionId: string, key: string, authority?: string): string {
  return `${origin}/${joinHash(sessionId, key, 'link', authority)}`
}

/** The hash of a session's customer page; `via: 'portal'` marks a customer who came in with a session code. */
export function joinHash(sessionId: string, key: string, via: EntryWay = 'link', authority?: string): string {
  return `#/join/${sessionId}.${key}${authority ? `.${authority}` : ''}${via === 'portal' ? '?via=portal' : ''}`
}

/** The customer portal, where a customer types a session code. */
export function portalLink(origin: string): string {
  return `${origin}/#/portal`
}

/** A team portal's public link: only the portal's room id and the public halves of its keys (never the team secret). */
export function teamPortalLink(origin: string, portalId: string, sealKey: string, signKey: string): string {
  return `${origin}/#/p/${portalId}.${sealKey}.${signKey}`
}

/** The current route as a signal, following `hashchange`. Must run inside a reactive owner. */
export function createRoute(): Accessor<Route> {
  const [route, setRoute] = createSignal(parseRoute(location.hash))
  const onHash = (): void => {
    setRoute(parseRoute(location.hash))
  }
  window.addEventListener('hashchange', onHash)
  onCleanup(() => window.removeEventListener('hashchange', onHash))
  return route
}
