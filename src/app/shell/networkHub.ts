/**
 * Every room connection of this page, so the app can report one Connection
 * status and take the whole page offline or back (a test hook and, later, a
 * "work offline" switch).
 */
import { createSignal, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import { connectDoc, type ConnectionSnapshot, type DocConnection } from '../../net/connectDoc'
import { loadNetConfig, type NetConfig } from '../../net/config'
import type { RoomKind } from '../../net/roomKeys'

/** Link state as the UI shows it. */
export type { LinkState } from '../../net/presence'

/** The page's network state, aggregated. */
export interface NetworkHub {
  /** Opens a room for `doc` (after its local copy is loaded). */
  connect(doc: Y.Doc, kind: RoomKind, id: string, key: string): Promise<DocConnection>
  /** Forgets a connection (after `destroy`). */
  release(connection: DocConnection): void
  /** Aggregated link state. */
  status: Accessor<ConnectionSnapshot['state']>
  /** Live peer links summed over every room. */
  peers: Accessor<number>
  /** Drops every link. */
  pauseAll(): void
  /** Reconnects every link. */
  resumeAll(): void
  /** What every room of this page holds (for the debug hooks' leak scan). */
  dumpAll(): { update: Uint8Array; awareness: unknown[] }[]
}

/** Creates the hub; the config is fetched once, lazily. */
export function createNetworkHub(): NetworkHub {
  let config: Promise<NetConfig> | undefined
  const connections = new Set<DocConnection>()
  const [status, setStatus] = createSignal<ConnectionSnapshot['state']>('connecting')
  const [peers, setPeers] = createSignal(0)
  let paused = false

  const recompute = (): void => {
    const snapshots = [...connections].map((connection) => connection.snapshot())
    setPeers(snapshots.reduce((sum, snapshot) => sum + snapshot.peers, 0))
    // The browser knows it has no network before any socket times out: say Offline then, unless a peer link still lives.
    const browserOffline = typeof navigator !== 'undefined' && navigator.onLine === false
    if (paused || (browserOffline && !snapshots.some((snapshot) => snapshot.peers > 0))) {
      setStatus('offline')
      return
    }
    const states = snapshots.map((snapshot) => snapshot.state)
    setStatus(states.includes('online') ? 'online' : states.length === 0 || states.includes('connecting') ? 'connecting' : 'offline')
  }

  if (typeof window !== 'undefined') {
    window.addEventListener('online', recompute)
    window.addEventListener('offline', recompute)
  }
  recompute()

  return {
    async connect(doc, kind, id, key) {
      config ??= loadNetConfig()
      const connection = await connectDoc(doc, kind, id, key, await config)
      connections.add(connection)
      connection.onChange(recompute)
      if (paused) connection.pause()
      recompute()
      return connection
    },
    release(connection) {
      connections.delete(connection)
      recompute()
    },
    status,
    peers,
    pauseAll() {
      paused = true
      connections.forEach((connection) => connection.pause())
      recompute()
    },
    dumpAll() {
      return [...connections].map((connection) => connection.dump())
    },
    resumeAll() {
      paused = false
      connections.forEach((connection) => connection.resume())
      recompute()
    },
  }
}
