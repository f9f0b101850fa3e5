/**
 * What the customer's banner says about the link to their representative.
 * The page's own network state comes first (a paused hub or a browser that
 * reports no network is `offline`), then whether a rep's peer is connected:
 * `connecting` until the first one is (or while this page reconnects),
 * `away` once they all have gone while this page can be reached.
 */
import { createMemo, createSignal, onCleanup, type Accessor } from 'solid-js'
import type { NetworkHub } from '../shell/networkHub'

/** The banner's state. */
export type CustomerLinkState = 'connecting' | 'connected' | 'away' | 'offline'

/** The pure rule, for tests: `wasConnected` says whether a peer was ever connected. */
export function customerLinkState(hubStatus: ReturnType<NetworkHub['status']>, peers: number, browserOnline: boolean, wasConnected: boolean): CustomerLinkState {
  if (hubStatus === 'offline' || !browserOnline) return 'offline'
  if (peers > 0) return 'connected'
  // Away only when this page is reachable (signaling up) and a rep was here: otherwise it is still connecting.
  return wasConnected && hubStatus === 'online' ? 'away' : 'connecting'
}

/** The banner state as a signal. Must run inside a reactive owner. */
export function createCustomerLinkState(hub: Pick<NetworkHub, 'status' | 'peers'>): Accessor<CustomerLinkState> {
  const [browserOnline, setBrowserOnline] = createSignal(navigator.onLine)
  const update = (): void => {
    setBrowserOnline(navigator.onLine)
  }
  window.addEventListener('online', update)
  window.addEventListener('offline', update)
  onCleanup(() => {
    window.removeEventListener('online', update)
    window.removeEventListener('offline', update)
  })
  let wasConnected = false
  return createMemo(() => {
    const state = customerLinkState(hub.status(), hub.peers(), browserOnline(), wasConnected)
    if (state === 'connected') wasConnected = true
    return state
  })
}
