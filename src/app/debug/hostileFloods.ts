/**
 * Debug-only floods for the resource-limit browser test (tests/e2e/limits.spec.ts):
 * updates that can never apply, and many file offers at once, sent to every
 * live peer of a room this page holds. Part of `window.asisteHostile`.
 */
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { SIDE_CHANNEL_PREFIX } from '../../net/chunkingWrtc'
import type { DocConnection } from '../../net/connectDoc'
import { peersByRole } from '../../net/mediaChannel'

/** y-webrtc's sync message type and y-protocols' update step. */
const MESSAGE_SYNC = 0
const SYNC_UPDATE = 2

/** The floods `window.asisteHostile` offers. */
export interface FloodHooks {
  /** Sends `count` updates of ~`bytesEach` whose first dependency is withheld, to every live peer. Returns bytes sent. */
  sendOrphanUpdates(room: string, count: number, bytesEach: number): number
  /** Opens `count` file channels to every live peer whose presence claims `role`, each offering a file of `size` bytes. Returns how many. */
  offerFiles(room: string, count: number, size: number, role: string): number
  /** Cancels and closes every file channel `offerFiles` opened that is still open. */
  cancelFiles(): void
  /** The first answer each offered channel got (`accept`, `busy`, `decline`…; `closed` if none). */
  fileAnswers(): Record<string, number>
}

/** The floods over the rooms in `targets`. */
export function floodHooks(targets: Map<string, { connection: DocConnection }>): FloodHooks {
  const answers: Record<string, number> = {}
  const offered: RTCDataChannel[] = []
  const tally = (answer: string): void => {
    answers[answer] = (answers[answer] ?? 0) + 1
  }
  const links = (room: string): { send(data: Uint8Array): void; _pc?: RTCPeerConnection }[] =>
    [...(targets.get(room)?.connection.peerLinks?.().values() ?? [])] as unknown as { send(data: Uint8Array): void; _pc?: RTCPeerConnection }[]
  return {
    sendOrphanUpdates(room, count, bytesEach) {
      const writer = new Y.Doc()
      const updates: Uint8Array[] = []
      writer.on('update', (update: Uint8Array) => updates.push(update))
      for (let i = 0; i <= count; i++) writer.getMap('junk').set(`k${i}`, 'x'.repeat(bytesEach))
      let sent = 0
      for (const link of links(room)) {
        for (const update of updates.slice(1)) {
          const encoder = encoding.createEncoder()
          encoding.writeVarUint(encoder, MESSAGE_SYNC)
          encoding.writeVarUint(encoder, SYNC_UPDATE)
          encoding.writeVarUint8Array(encoder, update)
          const message = encoding.toUint8Array(encoder)
          link.send(message)
          sent += message.byteLength
        }
      }
      return sent
    },
    offerFiles(room, count, size, role) {
      let opened = 0
      const connection = targets.get(room)?.connection
      const peers = connection ? [...peersByRole(connection).values()].filter((peer) => peer.user?.role === role) : []
      for (const { link: peerLink } of peers) {
        const link = peerLink as unknown as { _pc?: RTCPeerConnection }
        for (let i = 0; i < count; i++) {
          const id = `flood${Date.now().toString(36)}${i}`
          const channel = link._pc?.createDataChannel(`${SIDE_CHANNEL_PREFIX}${id}`)
          if (!channel) continue
          offered.push(channel)
          opened += 1
          let answered = false
          channel.addEventListener('open', () => channel.send(JSON.stringify({ t: 'offer', id, name: `${id}.bin`, size, mime: '' })))
          channel.addEventListener('message', (event: MessageEvent) => {
            if (answered || typeof event.data !== 'string') return
            answered = true
            const parsed: unknown = JSON.parse(event.data)
            tally(typeof parsed === 'object' && parsed !== null && typeof (parsed as { t?: unknown }).t === 'string' ? (parsed as { t: string }).t : 'other')
          })
          channel.addEventListener('close', () => {
            if (!answered) tally('closed')
            answered = true
          })
        }
      }
      return opened
    },
    fileAnswers: () => ({ ...answers }),
    cancelFiles() {
      for (const channel of offered.splice(0)) {
        if (channel.readyState === 'open') channel.send(JSON.stringify({ t: 'cancel' }))
        channel.close()
      }
    },
  }
}
