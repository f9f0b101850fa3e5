import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as buffer from 'lib0/buffer'
import { ObservableV2 } from 'lib0/observable'
import type { WebrtcProvider } from 'y-webrtc'
import { CONNECT_TIMEOUT_MS, RESTART_PENDING_MS, createPeerGuard } from '../../src/net/peerGuard'
import { MAX_PEER_CONNECTIONS, NEW_PEER_REFILL_MS, UNPROVEN_PLACES } from '../../src/net/peerPlaces'
import { decryptJson, screenSignaling } from '../../src/net/signalingGuard'

/** y-webrtc's signaling payload: lib0 `writeAny`, AES-GCM, base64 (src/crypto.js there). */
async function encryptJson(data: unknown, key: CryptoKey): Promise<string> {
  const plain = encoding.createEncoder()
  encoding.writeAny(plain, data as never)
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoding.toUint8Array(plain)))
  const out = encoding.createEncoder()
  encoding.writeVarString(out, 'AES-GCM')
  encoding.writeVarUint8Array(out, iv)
  encoding.writeVarUint8Array(out, cipher)
  return buffer.toBase64(encoding.toUint8Array(out))
}

/** A y-webrtc WebrtcConn as far as the guard sees one. */
class FakeConn {
  connected = false
  closed = false
  readonly peer = Object.assign(new EventEmitter(), { _pc: {} })
  constructor(
    readonly room: FakeRoom,
    readonly remotePeerId: string,
  ) {}
  open(): void {
    this.connected = true
    this.peer.emit('connect')
  }
  destroy(): void {
    this.closed = true
    this.room.remove(this.remotePeerId)
  }
}

class FakeRoom {
  readonly peerId = 'me'
  readonly webrtcConns = new Map<string, FakeConn>()
  readonly bcConns = new Set<string>()
  constructor(readonly events: EventEmitter) {}
  remove(peerId: string): void {
    this.webrtcConns.delete(peerId)
    this.events.emit('peers')
  }
}

/**
 * y-webrtc's SignalingConn as far as rooms go: its own 'message' handler, added in the constructor, decrypts
 * a publish and opens a connection for an `announce` while the room has fewer than `maxConns`, and for any
 * signal addressed to it with no limit (y-webrtc.js, SignalingConn). A `mark` message resolves `marked`.
 */
class FakeSignaling extends ObservableV2<{ message: (message: unknown, conn: unknown) => void }> {
  #done: Promise<void> = Promise.resolve()
  readonly marks: string[] = []
  /** Topics of the messages y-webrtc's handler was given. */
  readonly topics: string[] = []
  /** Messages y-webrtc could not read (it would reject in a promise nobody handles). */
  failures = 0
  readonly #waiting = new Map<string, () => void>()
  /** Resolves when the `mark` message from `from` is handled. */
  marked(from: string): Promise<void> {
    if (this.marks.includes(from)) return Promise.resolve()
    return new Promise((resolve) => this.#waiting.set(from, resolve))
  }
  readonly topic: string
  constructor(provider: FakeProvider) {
    super()
    this.topic = provider.roomName
    this.on('message', (message) => {
      const m = message as { type: string; topic: string; data: string }
      this.topics.push(m.topic)
      if (m.type !== 'publish' || m.topic !== provider.roomName) return
      this.#done = this.#done.then(async () => {
        const data = (await decryptJson(m.data, await provider.key)) as { type: string; from: string; to?: string }
        const room = provider.room
        if (data.type === 'mark') {
          this.marks.push(data.from)
          this.#waiting.get(data.from)?.()
        }
        const open = (): void => {
          if (room.webrtcConns.has(data.from)) return
          room.webrtcConns.set(data.from, new FakeConn(room, data.from))
          room.events.emit('peers')
        }
        if (data.type === 'announce' && room.webrtcConns.size < provider.maxConns) open()
        if (data.type === 'signal' && data.to === room.peerId) open()
      }).catch(() => {
        this.failures += 1
      })
    })
  }
}

interface FakeProvider {
  roomName: string
  key: Promise<CryptoKey>
  room: FakeRoom
  signalingConns: FakeSignaling[]
  maxConns: number
  on(name: string, listener: () => void): void
}

let roomCount = 0

/** A room of this page with y-webrtc's signaling handler; `screened` puts the guard in front of it. */
async function fakeRoom(screened = true) {
  const clock = { now: 0 }
  const events = new EventEmitter()
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt'])
  const room = new FakeRoom(events)
  const provider: FakeProvider = { roomName: `room-${roomCount++}`, key: Promise.resolve(key), room, signalingConns: [], maxConns: 30, on: (name, listener) => events.on(name, listener) }
  const signaling = new FakeSignaling(provider)
  provider.signalingConns.push(signaling)
  const guard = createPeerGuard(new Y.Doc(), { now: () => clock.now })
  guard.attach(provider as unknown as WebrtcProvider)
  if (screened) screenSignaling(provider, (data) => guard.admit(data))
  let marks = 0
  const publish = async (data: object): Promise<void> => {
    signaling.emit('message', [{ type: 'publish', topic: provider.roomName, data: await encryptJson(data, key) }, signaling])
  }
  return {
    clock,
    room,
    guard,
    signaling,
    publish,
    announce: (from: string) => publish({ type: 'announce', from }),
    /** Resolves once every message published so far was screened and handled (a marker goes through last). */
    async settle(): Promise<void> {
      const mark = `mark-${marks++}`
      await publish({ type: 'mark', from: mark })
      await signaling.marked(mark)
    },
  }
}

describe('signaling screen (fake announces)', () => {
  it('a flood of fake announces takes a few places at most; a genuine peer that reconnects gets one (and without the screen it does not)', async () => {
    for (const screened of [true, false]) {
      const { room, announce, settle } = await fakeRoom(screened)
      await announce('genuine')
      await settle()
      room.webrtcConns.get('genuine')!.open()
      room.webrtcConns.get('genuine')!.destroy() // it goes away (a network blip, a pause)
      for (let i = 0; i < 200; i++) void announce(`fake-${i}`)
      await settle()
      const fakes = [...room.webrtcConns.keys()].filter((id) => id.startsWith('fake-')).length
      await announce('genuine')
      await settle()
      if (screened) {
        expect(fakes).toBeLessThanOrEqual(UNPROVEN_PLACES)
        expect(room.webrtcConns.has('genuine')).toBe(true)
      } else {
        expect(fakes).toBe(MAX_PEER_CONNECTIONS)
        expect(room.webrtcConns.has('genuine')).toBe(false)
      }
    }
  })

  it('new ids are let in at a bounded rate, even as their places free up', async () => {
    const { room, clock, guard, announce, settle } = await fakeRoom()
    for (let i = 0; i < 20; i++) void announce(`first-${i}`)
    await settle()
    expect(room.webrtcConns.size).toBe(UNPROVEN_PLACES)
    clock.now = CONNECT_TIMEOUT_MS + 1
    guard.check() // they never opened: dropped
    expect(room.webrtcConns.size).toBe(0)
    const tokensBack = Math.floor(clock.now / NEW_PEER_REFILL_MS)
    for (let i = 0; i < 20; i++) void announce(`second-${i}`)
    await settle()
    expect(room.webrtcConns.size).toBe(Math.min(UNPROVEN_PLACES, tokensBack))
    clock.now += CONNECT_TIMEOUT_MS + 1
    guard.check()
    for (let i = 0; i < 20; i++) void announce(`third-${i}`)
    await settle()
    expect(room.webrtcConns.size).toBeLessThanOrEqual(UNPROVEN_PLACES)
  })

  it('offers addressed to this page from unknown ids are screened too (y-webrtc opens a connection for each, with no limit)', async () => {
    const { room, publish, settle } = await fakeRoom()
    for (let i = 0; i < 100; i++) void publish({ type: 'signal', from: `offerer-${i}`, to: 'me', token: 1, signal: { type: 'offer', sdp: 'x' } })
    await settle()
    expect(room.webrtcConns.size).toBe(UNPROVEN_PLACES)
    // Signals for a connection that exists, and for other pages, pass as before.
    void publish({ type: 'signal', from: 'offerer-0', to: 'me', token: 1, signal: { type: 'candidate' } })
    void publish({ type: 'signal', from: 'someone', to: 'not-me', token: 1, signal: { type: 'offer' } })
    await settle()
    expect(room.webrtcConns.size).toBe(UNPROVEN_PLACES)
  })

  it('a key holder claiming a genuine id it saw holds that one place once: if it never opens, the id is new from then on', async () => {
    const { room, clock, guard, announce, settle } = await fakeRoom()
    await announce('genuine')
    await settle()
    room.webrtcConns.get('genuine')!.open()
    room.webrtcConns.get('genuine')!.destroy()
    // Places for new ids are all taken by a flood; the claim of the proven id still gets in…
    for (let i = 0; i < 50; i++) void announce(`fake-${i}`)
    await announce('genuine')
    await settle()
    expect(room.webrtcConns.has('genuine')).toBe(true)
    // …and never opens: dropped after the timeout, and the id lost its privilege.
    clock.now = CONNECT_TIMEOUT_MS + 1
    guard.check()
    expect(room.webrtcConns.has('genuine')).toBe(false)
    for (let i = 50; i < 100; i++) void announce(`fake-${i}`) // the flood takes the new-id places again
    await settle()
    await announce('genuine')
    await settle()
    expect(room.webrtcConns.has('genuine')).toBe(false)
  })

  it('a peer announcing itself while our connection to its id still waits is offered a new one', async () => {
    const { room, clock, announce, settle } = await fakeRoom()
    await announce('genuine')
    await settle()
    const stale = room.webrtcConns.get('genuine')!
    clock.now = RESTART_PENDING_MS - 1
    await announce('genuine')
    await settle()
    expect(stale.closed).toBe(false) // an announce right after ours: the handshake is under way
    clock.now = RESTART_PENDING_MS + 1
    await announce('genuine')
    await settle()
    expect(stale.closed).toBe(true)
  })

  it('undecryptable messages and nameless senders do not reach y-webrtc; messages of rooms not screened pass untouched', async () => {
    const { room, signaling, publish, announce, settle } = await fakeRoom()
    const listeners = (signaling as unknown as { _observers: Map<string, Set<unknown>> })._observers.get('message')!
    expect(listeners.size).toBe(1) // the screen in front, y-webrtc's handler behind it
    signaling.emit('message', [{ type: 'publish', topic: signaling.topic, data: buffer.toBase64(new Uint8Array([7, 65, 69, 83, 45, 71, 67, 77, 1, 0, 1, 0])) }, signaling])
    void publish({ type: 'announce' }) // no sender
    await settle()
    expect(room.webrtcConns.size).toBe(0)
    expect(signaling.failures).toBe(0) // y-webrtc never got the message it could not read
    const other = { type: 'publish', topic: 'a-room-not-screened', data: 'AAAA' }
    signaling.emit('message', [other, signaling])
    expect(signaling.failures).toBe(0)
    expect(signaling.topics.at(-1)).toBe('a-room-not-screened') // handed over at once, unread
    await announce('fine')
    await settle()
    expect(room.webrtcConns.has('fine')).toBe(true)
  })
})
