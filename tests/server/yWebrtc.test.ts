/**
 * The real y-webrtc client (SignalingConn over lib0/websocket, WebrtcConn over simple-peer) against our relay.
 * Node has no WebRTC, so simple-peer gets a fake `wrtc` that only produces SDP; everything on the wire is real.
 */
import { randomUUID } from 'node:crypto'
import { WebrtcProvider } from 'y-webrtc'
import * as Y from 'yjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { FAKE_OFFER_SDP, makeFakeWrtc, type Description } from './fakeWrtc.ts'
import { startTestServer, TestClient, type TestServer } from './helpers.ts'
import { decryptSignal, deriveRoomKey, encryptSignal } from './yWebrtcCrypto.ts'

interface Publish {
  type: 'publish'
  topic: string
  data: unknown
}

const globals = globalThis as { WebSocket?: unknown }
const savedWebSocket = globals.WebSocket
let server: TestServer
const cleanups: (() => unknown)[] = []

beforeAll(() => {
  // lib0/websocket (inside y-webrtc) uses the global WebSocket, which Node 20 lacks.
  globals.WebSocket = WebSocket
})
afterAll(() => {
  globals.WebSocket = savedWebSocket
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  await server.close()
})

function asPublish(message: unknown): Publish {
  expect(message).toMatchObject({ type: 'publish', topic: expect.any(String) })
  // The relay tells nobody how many are in a room (issue 18); y-webrtc works without it.
  expect(message).not.toHaveProperty('clients')
  return message as Publish
}

function openProvider(room: string, options: ConstructorParameters<typeof WebrtcProvider>[2]): WebrtcProvider {
  const doc = new Y.Doc()
  const provider = new WebrtcProvider(room, doc, { signaling: [server.wsUrl], ...options })
  cleanups.push(() => {
    provider.disconnect()
    provider.destroy()
    doc.destroy()
  })
  return provider
}

async function rawPeer(room: string): Promise<TestClient> {
  const raw = await TestClient.connect(server.wsUrl)
  cleanups.push(() => raw.close())
  await raw.subscribe(room)
  return raw
}

describe('relay with the real y-webrtc client', () => {
  it('carries an encrypted announce, offer and answer between y-webrtc and another peer', async () => {
    server = await startTestServer()
    const room = `asiste-test-${randomUUID()}`
    const password = 'correct horse battery staple'
    const key = await deriveRoomKey(password, room)
    const raw = await rawPeer(room)
    let resolveAnswer: (d: Description) => void = () => {}
    const answered = new Promise<Description>((resolve) => (resolveAnswer = resolve))
    const provider = openProvider(room, { password, peerOpts: { wrtc: makeFakeWrtc((d) => resolveAnswer(d)) } })

    // 1. y-webrtc subscribes and announces itself; the relay adds nothing (no subscriber count).
    const announce = asPublish(await raw.next())
    expect(announce).toEqual({ type: 'publish', topic: room, data: expect.any(String) })
    const peerId = provider.room?.peerId
    expect(peerId).toEqual(expect.any(String))
    expect(await decryptSignal(announce.data as string, key)).toEqual({ type: 'announce', from: peerId })

    // 2. Another peer announces; y-webrtc sees it through the relay and answers with an addressed offer.
    const peersAdded = new Promise<string[]>((resolve) => provider.on('peers', (event) => resolve(event.added)))
    raw.send({ type: 'publish', topic: room, data: await encryptSignal({ type: 'announce', from: 'raw-peer' }, key) })
    expect(asPublish(await raw.next()).topic).toBe(room) // the sender's own copy, as in the reference server
    expect(await peersAdded).toEqual(['raw-peer'])
    const offer = asPublish(await raw.next())
    expect(await decryptSignal(offer.data as string, key)).toEqual({
      to: 'raw-peer',
      from: peerId,
      type: 'signal',
      token: expect.any(Number),
      signal: { type: 'offer', sdp: FAKE_OFFER_SDP },
    })

    // 3. The answer travels back through the relay into simple-peer's setRemoteDescription.
    const answer = { type: 'answer', sdp: 'v=0\r\ns=raw-peer-answer\r\n' }
    raw.send({ type: 'publish', topic: room, data: await encryptSignal({ to: peerId, from: 'raw-peer', type: 'signal', token: 1, signal: answer }, key) })
    expect(await answered).toEqual(answer)
  })

  it('carries an unencrypted announce as a plain object when the room has no password', async () => {
    server = await startTestServer()
    const room = `asiste-test-${randomUUID()}`
    const raw = await rawPeer(room)
    const provider = openProvider(room, {})
    const announce = asPublish(await raw.next())
    expect(announce).toEqual({ type: 'publish', topic: room, data: { type: 'announce', from: provider.room?.peerId } })
  })
})
