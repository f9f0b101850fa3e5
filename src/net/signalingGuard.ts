/**
 * Screens y-webrtc's signaling messages before y-webrtc sees them (issue 18,
 * fake announces), without patching y-webrtc: its `SignalingConn` (one per
 * signaling URL, shared by every room of the page) hands each message to its
 * 'message' listeners in the order they were added (lib0's ObservableV2), and
 * y-webrtc adds its own handler in the constructor. `install` takes that
 * handler out of the listener set (read from ObservableV2's `_observers`, the
 * one private field used) and puts a screen in its place that calls it only
 * for the messages it lets through, in their order of arrival.
 *
 * Messages of a room this page holds are encrypted with the room key (y-webrtc
 * derives it from the room password, which we hold: `provider.key`). The
 * screen decrypts a copy (AES-GCM, the format of y-webrtc's crypto.js), and
 * asks the room's `admit` about any message that would open a connection (an
 * `announce`, or an offer addressed to this page, from an id the room has no
 * connection for). Messages that cannot be decrypted, or that name no sender,
 * are dropped (y-webrtc would reject them in a promise nobody handles).
 */
import * as buffer from 'lib0/buffer'
import * as decoding from 'lib0/decoding'

/** Messages of guarded rooms waiting to be screened, per signaling connection: beyond this, new ones are dropped (a flood). */
export const MAX_SCREENING_QUEUE = 512

/** A decrypted signaling message, as far as the screen reads it. */
export interface SignalData {
  /** `announce`, or `signal` addressed to this page: either opens a connection when `from` has none. */
  type: 'announce' | 'signal'
  from: string
}

/** What the screen reads of a y-webrtc provider. */
export interface ScreenedProvider {
  roomName: string
  key: PromiseLike<CryptoKey | null>
  room: { peerId: string; webrtcConns: Map<string, unknown>; bcConns: Set<string> } | null
  signalingConns: unknown[]
}

/** The slice of lib0's ObservableV2 (y-webrtc's SignalingConn) the screen drives. */
interface SignalingEmitter {
  _observers?: Map<string, Set<(...args: unknown[]) => void>>
  on(name: 'message', listener: (...args: unknown[]) => void): unknown
  off(name: 'message', listener: (...args: unknown[]) => void): unknown
}

/** What the screen asks the room: whether `data`'s sender may open a connection now. */
export type Admit = (data: SignalData) => boolean

interface RoomScreen {
  provider: ScreenedProvider
  admit: Admit
}

/** Guarded rooms by name (signaling topic). */
const rooms = new Map<string, RoomScreen>()
/** Signaling connections whose handler is already behind a screen. */
const screened = new WeakSet<object>()

/** Screens `provider`'s signaling with `admit`; call `install` again after every `provider.connect()` (it may open new signaling connections). */
export function screenSignaling(provider: ScreenedProvider, admit: Admit): { install(): void; stop(): void } {
  const screen: RoomScreen = { provider, admit }
  rooms.set(provider.roomName, screen)
  const install = (): void => provider.signalingConns.forEach((conn) => installScreen(conn as SignalingEmitter))
  install()
  return {
    install,
    stop() {
      if (rooms.get(provider.roomName) === screen) rooms.delete(provider.roomName)
    },
  }
}

/** Puts the screen in front of `conn`'s own message handlers (once per connection). */
export function installScreen(conn: SignalingEmitter): void {
  if (screened.has(conn)) return
  const handlers = [...(conn._observers?.get('message') ?? [])]
  if (handlers.length === 0) return // not a y-webrtc SignalingConn as we know it: leave it alone
  screened.add(conn)
  for (const handler of handlers) conn.off('message', handler)
  const deliver = (args: unknown[]): void => handlers.forEach((handler) => handler(...args))
  let chain: Promise<void> = Promise.resolve()
  let queued = 0
  conn.on('message', (...args: unknown[]) => {
    const message = args[0] as { type?: unknown; topic?: unknown; data?: unknown } | null
    const room = message?.type === 'publish' && typeof message.topic === 'string' ? rooms.get(message.topic) : undefined
    if (!room) {
      deliver(args)
      return
    }
    if (queued >= MAX_SCREENING_QUEUE) return
    queued += 1
    chain = chain
      .then(() => passes(room, message?.data))
      .then(
        (pass) => {
          queued -= 1
          if (pass) deliver(args)
        },
        () => {
          queued -= 1
        },
      )
  })
}

/** Whether a published message of `room` may reach y-webrtc. */
async function passes(screen: RoomScreen, raw: unknown): Promise<boolean> {
  const key = await screen.provider.key
  if (!key) return true // an unkeyed room: y-webrtc reads it as is (every room here is keyed)
  if (typeof raw !== 'string') return true // y-webrtc ignores it
  let data: unknown
  try {
    data = await decryptJson(raw, key)
  } catch {
    return false
  }
  if (typeof data !== 'object' || data === null) return true // y-webrtc ignores it
  const { type, from, to } = data as { type?: unknown; from?: unknown; to?: unknown }
  if (typeof from !== 'string') return false
  const room = screen.provider.room
  if (!room) return true
  // What y-webrtc ignores anyway passes: own messages, messages for another page, peers in another tab.
  if (from === room.peerId || (to !== undefined && to !== room.peerId) || room.bcConns.has(from)) return true
  if (type === 'announce') return screen.admit({ type, from })
  // A signal addressed to us from an id with no connection opens one in y-webrtc (with no limit at all): screened too.
  if (type === 'signal' && to === room.peerId) return screen.admit({ type, from })
  return true
}

/** Decrypts a y-webrtc signaling payload: base64 of (varString 'AES-GCM', varUint8Array iv, varUint8Array cipher), plaintext lib0 `writeAny`. */
export async function decryptJson(base64: string, key: CryptoKey): Promise<unknown> {
  const decoder = decoding.createDecoder(buffer.fromBase64(base64))
  if (decoding.readVarString(decoder) !== 'AES-GCM') throw new Error('unknown cipher')
  const iv = decoding.readVarUint8Array(decoder)
  const cipher = decoding.readVarUint8Array(decoder)
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, cipher)
  return decoding.readAny(decoding.createDecoder(new Uint8Array(plain)))
}
