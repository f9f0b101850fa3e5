/** Hash routes: `#/` rep console, `#/join/<sessionId>.<key>` customer page. */
import { createSignal, onCleanup, type Accessor } from 'solid-js'
import { isValidKey } from '../net/roomKeys'

/** A parsed route. */
export type Route =
  | { page: 'console' }
  | { page: 'join'; sessionId: string; key: string }
  | { page: 'badLink' }

/** Parses `location.hash`. The key stays in the fragment: it is never sent to a server. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '')
  const join = /^\/join\/([A-Za-z0-9_-]{6,64})\.([A-Za-z0-9_-]+)$/.exec(path)
  if (join) {
    const [, sessionId, key] = join
    return sessionId && key && isValidKey(key) ? { page: 'join', sessionId, key } : { page: 'badLink' }
  }
  if (path.startsWith('/join')) return { page: 'badLink' }
  return { page: 'console' }
}

/** The customer's join link for a session. */
export function customerLink(origin: string, sessionId: string, key: string): string {
  return `${origin}/#/join/${sessionId}.${key}`
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
