/**
 * Debug-only: fake y-webrtc `announce`s from a holder of a room's key (issue 18,
 * tests/e2e/limits.spec.ts). Opens a signaling connection of its own (not the
 * page's y-webrtc) and publishes announces under fresh peer ids into the room,
 * encrypted as y-webrtc does (PBKDF2 of the room password with the room name
 * as salt, AES-GCM, lib0 `writeAny`, base64). Part of `window.asisteHostile`.
 */
import * as buffer from 'lib0/buffer'
import * as encoding from 'lib0/encoding'
import { loadNetConfig } from '../../net/config'
import { randomId, roomName, type RoomKind } from '../../net/roomKeys'

/** The announce flood `window.asisteHostile` offers. */
export interface AnnounceFloodHooks {
  /** Starts publishing `perSecond` announces under fresh ids into the room of (`kind`, `id`, `key`); resolves once the first went out. */
  floodAnnounces(kind: RoomKind, id: string, key: string, perSecond: number): Promise<void>
  /** How many announces were sent so far. */
  announcesSent(): number
  /** Stops the flood; returns how many announces were sent. */
  stopAnnounces(): number
}

/** y-webrtc's room key: PBKDF2 (100,000 × SHA-256) of the password, salted with the room name. */
async function deriveRoomKey(password: string, name: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveKey'])
  return crypto.subtle.deriveKey({ name: 'PBKDF2', salt: new TextEncoder().encode(name), iterations: 100_000, hash: 'SHA-256' }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt'])
}

async function encryptJson(data: Record<string, string>, key: CryptoKey): Promise<string> {
  const plain = encoding.createEncoder()
  encoding.writeAny(plain, data)
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoding.toUint8Array(plain)))
  const out = encoding.createEncoder()
  encoding.writeVarString(out, 'AES-GCM')
  encoding.writeVarUint8Array(out, iv)
  encoding.writeVarUint8Array(out, cipher)
  return buffer.toBase64(encoding.toUint8Array(out))
}

/** The flood hooks (one flood at a time). */
export function announceFloodHooks(): AnnounceFloodHooks {
  let stop: (() => void) | undefined
  let sent = 0
  return {
    async floodAnnounces(kind, id, key, perSecond) {
      stop?.()
      const [config, name] = await Promise.all([loadNetConfig(), roomName(kind, id, key)])
      const roomKey = await deriveRoomKey(key, name)
      const url = config.signaling[0]
      if (!url) throw new Error('no signaling server')
      const socket = new WebSocket(url)
      await new Promise<void>((resolve, reject) => {
        socket.addEventListener('open', () => resolve(), { once: true })
        socket.addEventListener('error', () => reject(new Error('signaling refused the flood')), { once: true })
      })
      const announce = async (): Promise<void> => {
        const data = await encryptJson({ type: 'announce', from: randomId() }, roomKey)
        if (socket.readyState !== WebSocket.OPEN) return
        socket.send(JSON.stringify({ type: 'publish', topic: name, data }))
        sent += 1
      }
      await announce()
      const timer = setInterval(() => void announce(), 1_000 / perSecond)
      stop = () => {
        clearInterval(timer)
        socket.close()
      }
    },
    announcesSent: () => sent,
    stopAnnounces() {
      stop?.()
      stop = undefined
      return sent
    },
  }
}
