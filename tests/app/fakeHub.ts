/**
 * An in-memory NetworkHub for tests of code that joins rooms: docs connected
 * to the same (kind, id, key) sync with each other synchronously — full state
 * both ways on join, then every update — as y-webrtc peers would, minus the
 * wire. No timers, so fake clocks drive the code under test alone.
 */
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import type { ConnectionSnapshot, DocConnection } from '../../src/net/connectDoc'
import type { NetworkHub } from '../../src/app/shell/networkHub'
import type { RoomKind } from '../../src/net/roomKeys'

/** Transaction origin of updates the fake network applies. */
export const FAKE_NET = Symbol('fakeHub')

/** A fake hub plus what tests inspect. */
export interface FakeHub extends Pick<NetworkHub, 'connect' | 'release'> {
  /** How many docs are in rooms of `kind` right now. */
  occupants(kind: RoomKind): number
  /** Connections released so far. */
  released: number
  /** The state every new connection reports (`connecting` simulates a page that never reaches signaling). */
  linkState: ConnectionSnapshot['state']
}

interface Member {
  kind: RoomKind
  doc: Y.Doc
}

/** Creates a hub; hubs made with the same `rooms` map share one network (rep page and customer page). */
export function makeFakeHub(rooms: Map<string, Set<Member>> = new Map()): FakeHub {
  const hub: FakeHub = {
    released: 0,
    linkState: 'online',
    occupants(kind) {
      let count = 0
      rooms.forEach((members) => members.forEach((member) => (count += member.kind === kind ? 1 : 0)))
      return count
    },
    async connect(doc, kind, id, key) {
      const name = `${kind}\u0000${id}\u0000${key}`
      const members = rooms.get(name) ?? new Set<Member>()
      rooms.set(name, members)
      const me: Member = { kind, doc }
      for (const other of members) {
        Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(doc), FAKE_NET)
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(other.doc), FAKE_NET)
      }
      members.add(me)
      const onUpdate = (update: Uint8Array, origin: unknown): void => {
        if (origin === FAKE_NET) return
        for (const other of members) if (other !== me) Y.applyUpdate(other.doc, update, FAKE_NET)
      }
      doc.on('update', onUpdate)
      const state = hub.linkState
      const awareness = new Awareness(doc) // this page's own presence only: the fake wire carries no awareness
      const connection: DocConnection = {
        awareness,
        setUser: () => undefined,
        setTyping: () => undefined,
        snapshot: () => ({ state, peers: members.size - (members.has(me) ? 1 : 0) }),
        onlineUsers: () => [],
        onChange: () => () => undefined,
        pause: () => undefined,
        resume: () => undefined,
        setEditingNotes: () => undefined,
        dump: () => ({ update: Y.encodeStateAsUpdate(doc), awareness: [] }),
        destroy() {
          doc.off('update', onUpdate)
          awareness.destroy()
          members.delete(me)
        },
      }
      return connection
    },
    release() {
      hub.released++
    },
  }
  return hub
}

/** Waits (on real macrotasks, so it works under fake timers) until `condition` holds; fails after `maxMs` of wall time. */
export async function until(condition: () => boolean, maxMs = 5_000): Promise<void> {
  const started = performance.now()
  while (!condition()) {
    if (performance.now() - started > maxMs) throw new Error('condition not met in time')
    await new Promise((resolve) => setImmediate(resolve))
  }
}
