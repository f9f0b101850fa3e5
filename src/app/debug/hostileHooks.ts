/**
 * Debug-only tools (page URL with `debug=1`) that let a browser test turn this
 * page into a hostile peer of a room it holds: write anything into the doc as
 * this peer, spoof awareness, mark others offline, send raw bytes on the data
 * channels. Used by tests/e2e/hostile.spec.ts; absent from normal pages.
 */
import type * as Y from 'yjs'
import { removeAwarenessStates } from 'y-protocols/awareness'
import { entriesMap } from '../../doc/transcript'
import { storedFields } from '../../doc/entry'
import { hostileTargets as targets } from '../shell/debugRegistry'
import { floodHooks, type FloodHooks } from './hostileFloods'
import { watchRemoteStreams } from '../../net/mediaChannel'
import { watchFileChannels } from '../../net/fileChannel'
import { announceFloodHooks, type AnnounceFloodHooks } from './announceFlood'

/** What `window.asisteHostile` offers, per registered room name (e.g. `customer`). */
export interface HostileHooks extends FloodHooks, AnnounceFloodHooks {
  /**
   * The room doc's transcript map: writes there are this peer's own and go out to every peer. Its `get`
   * and `forEach` give each entry's fields spelled out, whichever form is stored (v2 map or v3 array).
   */
  entries(room: string): Y.Map<unknown> | undefined
  /** Publishes `user` as this peer's awareness (keeping its live peer id). */
  spoofPresence(room: string, user: unknown): boolean
  /** Tells every peer that the other clients whose presence claims `role` went offline. Returns how many. */
  markOffline(room: string, role: string): number
  /** The presence records this page holds for the room (its own included). */
  users(room: string): unknown[]
  /** Sends `bytes` as one message on every live document channel of the room. Returns to how many peers. */
  sendRaw(room: string, bytes: Uint8Array | number[]): number
  /**
   * Rewrites the presence of every other client whose presence claims `role` to claim `asRole` instead
   * (a newer clock, so y-protocols would take it), and sends that to every peer. Returns how many.
   */
  relabel(room: string, role: string, asRole: string): number
  /** Starts counting the media tracks and file channels peers of the room send this page. */
  watchIncoming(room: string): boolean
  /** What `watchIncoming` counted so far. */
  incoming(): { tracks: number; fileChannels: number }
}

/** A stored entry's fields as a plain object (a value that is neither form is given as it is). */
function fieldsOf(id: string, raw: unknown): unknown {
  const read = storedFields(id, raw)
  return 'fields' in read ? { ...read.fields } : raw
}

/** `map` whose reads spell entries out: tests written against field names work on either stored form. */
function spelledOut(map: Y.Map<unknown>): Y.Map<unknown> {
  return new Proxy(map, {
    get(target, property, receiver) {
      if (property === 'get') return (id: string) => fieldsOf(id, target.get(id))
      if (property === 'forEach') return (callback: (value: unknown, id: string, map: Y.Map<unknown>) => void) => target.forEach((raw, id) => callback(fieldsOf(id, raw), id, receiver as Y.Map<unknown>))
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
    },
  })
}

function hooks(): HostileHooks {
  const incoming = { tracks: 0, fileChannels: 0 }
  return {
    ...floodHooks(targets),
    ...announceFloodHooks(),
    entries: (room) => {
      const target = targets.get(room)
      return target ? spelledOut(entriesMap(target.doc)) : undefined
    },
    spoofPresence: (room, user) => {
      const awareness = targets.get(room)?.connection.awareness
      if (!awareness) return false
      const own: unknown = awareness.getLocalState()?.peerId
      awareness.setLocalState({ user, peerId: own ?? targets.get(room)?.connection.peerId?.() ?? null })
      return true
    },
    markOffline: (room, role) => {
      const awareness = targets.get(room)?.connection.awareness
      if (!awareness) return 0
      const victims: number[] = []
      awareness.getStates().forEach((state, clientId) => {
        const user: unknown = state.user
        if (clientId !== awareness.clientID && typeof user === 'object' && user !== null && (user as { role?: unknown }).role === role) victims.push(clientId)
      })
      removeAwarenessStates(awareness, victims, 'hostile')
      return victims.length
    },
    relabel: (room, role, asRole) => {
      const awareness = targets.get(room)?.connection.awareness
      if (!awareness) return 0
      const victims: number[] = []
      awareness.getStates().forEach((state, clientId) => {
        const user: unknown = state.user
        if (clientId === awareness.clientID || typeof user !== 'object' || user === null || (user as { role?: unknown }).role !== role) return
        awareness.states.set(clientId, { ...state, user: { ...user, role: asRole } })
        const meta = awareness.meta.get(clientId)
        awareness.meta.set(clientId, { clock: (meta?.clock ?? 0) + 1, lastUpdated: Date.now() })
        victims.push(clientId)
      })
      // y-webrtc sends every update event to all peers, as it does for any presence change.
      if (victims.length > 0) awareness.emit('update', [{ added: [], updated: victims, removed: [] }, 'hostile'])
      return victims.length
    },
    watchIncoming: (room) => {
      const connection = targets.get(room)?.connection
      if (!connection) return false
      watchRemoteStreams(connection, (stream) => {
        incoming.tracks += stream.getTracks().length
        stream.addEventListener('addtrack', () => (incoming.tracks += 1))
      })
      watchFileChannels(connection, () => (incoming.fileChannels += 1))
      return true
    },
    incoming: () => ({ ...incoming }),
    users: (room) => [...(targets.get(room)?.connection.awareness.getStates().values() ?? [])].map((state) => state.user),
    sendRaw: (room, bytes) => {
      const links = targets.get(room)?.connection.peerLinks?.() ?? new Map()
      const data = bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes)
      for (const link of links.values()) (link as unknown as { send(data: Uint8Array): void }).send(data)
      return links.size
    },
  }
}

declare global {
  interface Window {
    asisteHostile?: HostileHooks
  }
}

/** Installs `window.asisteHostile` (debug pages only; called by the debug hooks). */
export function installHostileHooks(): void {
  window.asisteHostile ??= hooks()
}
