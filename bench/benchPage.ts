/**
 * Browser side of the transport benchmarks, bundled by `bench/transport.bench.ts`
 * and evaluated in a page. It installs `window.__benchDoc` (see docLink.ts)
 * over either
 * - the app's own customer doc, reached through its debug hooks (`?debug=1`), or
 * - a scratch customer doc written with the app's own `appendEntry` and
 *   synced through a y-websocket server instead of WebRTC (the relay baseline),
 * - the same scratch doc synced by a stock y-webrtc `WebrtcProvider` through
 *   the app's signaling server (the floor of the stack: no Asiste code on the
 *   data path), or
 * - the same scratch doc whose Yjs updates go as they are over one raw
 *   RTCDataChannel (the floor of Yjs alone: no y-webrtc, no simple-peer), or
 * - no doc at all: the probe's text sent over a raw RTCDataChannel (the limit,
 *   timed by the same harness as the rest).
 */
import * as Y from 'yjs'
import type {} from '../src/app/debug/debugHooks'
import { WebrtcProvider } from 'y-webrtc'
import { WebsocketProvider } from 'y-websocket'
import { defaultSignalingUrl, parseNetConfig } from '../src/net/config'
import { appendEntry, entriesMap, readEntry } from '../src/doc/transcript'
import { benchDocApi, probeText } from './docLink'

declare global {
  interface Window {
    /** Connects this page to `room` on the relay and installs `window.__benchDoc` once synced. */
    __benchRelayConnect?: (serverUrl: string, room: string) => Promise<void>
    /**
     * Installs `window.__benchDoc` over the app's doc of the first room whose name starts with `prefix`;
     * with `writePrefix`, writes go to that room's doc instead (the rep's own doc: the relay signs and
     * publishes them into the customer's, as a sent message travels).
     */
    __benchAttachApp?: (prefix: string, writePrefix?: string) => void
    /**
     * Joins `room` with a stock y-webrtc provider (signaling and ICE servers from the app's `/config.json`,
     * read as the app reads it) and installs `window.__benchDoc` once synced with a peer.
     */
    __benchStockConnect?: (room: string) => Promise<void>
    /**
     * A raw data channel carrying Yjs updates (`yjs`) or the probe's bare text (`text`), offering side: makes
     * the connection and returns the offer (ICE gathered).
     */
    __benchChannelOffer?: (mode: ChannelMode) => Promise<RTCSessionDescriptionInit>
    /** Answering side: takes the offer, returns the answer (ICE gathered). */
    __benchChannelAnswer?: (offer: RTCSessionDescriptionInit) => Promise<RTCSessionDescriptionInit>
    /** Offering side again: takes the answer and installs `window.__benchDoc` once the channel is open. */
    __benchChannelOpen?: (answer: RTCSessionDescriptionInit) => Promise<void>
    /** Answering side again: resolves once the channel has arrived and `window.__benchDoc` is installed. */
    __benchChannelReady?: () => Promise<void>
    /**
     * Yjs with no transport at all: `count` probe writes into one scratch doc, each update applied at once to a
     * second doc of this page; returns the mean ms from write to that doc's observer (one clock reading per
     * batch: page clocks are coarsened to 0.1 ms, finer than one write).
     */
    __benchInPageMean?: (count: number) => number
  }
}

/** What a bench data channel carries; the offerer's choice travels as the channel's label. */
type ChannelMode = 'yjs' | 'text'

/** How long a relay client (or a stock y-webrtc peer) may take to sync before the benchmark stops with an error. */
const RELAY_SYNC_TIMEOUT_MS = 10_000

const textOf = (entry: unknown): string => String((entry as { text?: unknown } | undefined)?.text ?? '')

window.__benchAttachApp = (prefix, writePrefix = prefix) => {
  const hooks = window.asisteDebug
  if (!hooks) throw new Error('no debug hooks: open the page with ?debug=1')
  const find = (start: string): string => {
    const found = hooks.roomDocs().find((name) => name.startsWith(start))
    if (!found) throw new Error(`no ${start}* room in ${hooks.roomDocs().join(', ')}`)
    return found
  }
  const room = find(prefix)
  const written = find(writePrefix)
  window.__benchDoc = benchDocApi(
    (text) => {
      if (!hooks.appendChat(written, text)) throw new Error(`${written} is gone`)
    },
    (listener) => void hooks.watchEntries(room, (entries) => listener(entries.map(textOf))),
  )
}

/** Resolves when `subscribe` calls back, or rejects after RELAY_SYNC_TIMEOUT_MS with `what` (a silent retry loop would hang the run). */
function synced(what: string, subscribe: (done: () => void) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} within ${RELAY_SYNC_TIMEOUT_MS} ms`)), RELAY_SYNC_TIMEOUT_MS)
    subscribe(() => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/** `window.__benchDoc` over a scratch doc: writes with the app's `appendEntry`, reads entries through the app's reader. */
function scratchDocApi(doc: Y.Doc): void {
  const entries = entriesMap(doc)
  window.__benchDoc = benchDocApi(
    (text) => void appendEntry(doc, { kind: 'chat', audience: 'all', authorId: 'bench', authorName: 'Bench', authorRole: 'rep', text }),
    (listener) =>
      // Through the app's reader: a stored entry is a compact array since schema v3, not an object with `text`.
      entries.observe((event) => listener([...event.keysChanged].map((key) => readEntry(doc, key)?.text ?? ''))),
  )
}

window.__benchRelayConnect = async (serverUrl, room) => {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(serverUrl, room, doc)
  // Fail loudly rather than wait for ever (the page's CSP or a closed server leaves the client retrying quietly).
  await synced(`no sync with the relay at ${serverUrl}`, (done) => (provider.synced ? done() : provider.once('sync', done)))
  scratchDocApi(doc)
}

window.__benchStockConnect = async (room) => {
  const config = parseNetConfig(await (await fetch('/config.json', { cache: 'no-store' })).json(), defaultSignalingUrl(location))
  const doc = new Y.Doc()
  // No password: y-webrtc encrypts only signaling and BroadcastChannel messages, never the data channel's.
  // BroadcastChannel stays on as shipped: the two pages are separate browser contexts, which share none.
  const provider = new WebrtcProvider(room, doc, { signaling: config.signaling, peerOpts: { config: { iceServers: config.iceServers } } })
  // `synced` fires once every connected peer has answered our state vector: a peer is connected and caught up.
  await synced(`no stock y-webrtc peer synced in ${room}`, (done) => {
    const onSynced = ({ synced: all }: { synced: boolean }): void => {
      if (!all || !provider.room || provider.room.webrtcConns.size === 0) return
      provider.off('synced', onSynced)
      done()
    }
    provider.on('synced', onSynced)
  })
  scratchDocApi(doc)
}

/** Marks updates this page applied from the channel, so they are not sent back (what a provider's origin does). */
const FROM_CHANNEL = Symbol('from the bench channel')

/** Sends every local update of `doc` over `channel` as it is, and applies every message received as an update. */
function linkOverChannel(doc: Y.Doc, channel: RTCDataChannel): void {
  channel.binaryType = 'arraybuffer'
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    // Yjs encodes into plain ArrayBuffers; the typings allow a SharedArrayBuffer, which send() refuses.
    if (origin !== FROM_CHANNEL) channel.send(update as Uint8Array<ArrayBuffer>)
  })
  channel.addEventListener('message', (event: MessageEvent<ArrayBuffer>) => Y.applyUpdate(doc, new Uint8Array(event.data), FROM_CHANNEL))
}

/** Installs `window.__benchDoc` over an open channel, as its label (a `ChannelMode`) says. */
function attachChannel(channel: RTCDataChannel): void {
  if (channel.label === 'text') {
    window.__benchDoc = benchDocApi(
      (text) => channel.send(text),
      (listener) => channel.addEventListener('message', (event: MessageEvent<string>) => listener([event.data])),
    )
    return
  }
  const doc = new Y.Doc()
  linkOverChannel(doc, channel)
  scratchDocApi(doc)
}

/** The local description once ICE gathering is complete (no trickle: the SDP crosses Node once each way). */
async function gatheredDescription(pc: RTCPeerConnection): Promise<RTCSessionDescriptionInit> {
  if (pc.iceGatheringState !== 'complete') {
    await new Promise<void>((resolve) => pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve()))
  }
  return pc.localDescription!.toJSON() as RTCSessionDescriptionInit
}

let offering: { pc: RTCPeerConnection; channel: RTCDataChannel } | undefined
let answered: Promise<void> | undefined

window.__benchChannelOffer = async (mode) => {
  const pc = new RTCPeerConnection()
  offering = { pc, channel: pc.createDataChannel(mode, { ordered: true }) }
  await pc.setLocalDescription(await pc.createOffer())
  return gatheredDescription(pc)
}

window.__benchChannelAnswer = async (offer) => {
  const pc = new RTCPeerConnection()
  // The answerer's channel arrives with the `datachannel` event, before any message on it.
  answered = synced('no bench data channel arrived', (done) =>
    pc.addEventListener('datachannel', ({ channel }) => {
      attachChannel(channel)
      done()
    }),
  )
  await pc.setRemoteDescription(offer)
  await pc.setLocalDescription(await pc.createAnswer())
  return gatheredDescription(pc)
}

window.__benchChannelReady = async () => {
  if (!answered) throw new Error('__benchChannelAnswer first')
  await answered
}

window.__benchChannelOpen = async (answer) => {
  if (!offering) throw new Error('__benchChannelOffer first')
  const { pc, channel } = offering
  await pc.setRemoteDescription(answer)
  if (channel.readyState !== 'open') await synced('the bench data channel did not open', (done) => channel.addEventListener('open', done, { once: true }))
  attachChannel(channel)
}

window.__benchInPageMean = (count) => {
  const [writer, reader] = [new Y.Doc(), new Y.Doc()]
  writer.on('update', (update: Uint8Array) => Y.applyUpdate(reader, update, FROM_CHANNEL))
  let seen = 0
  entriesMap(reader).observe((event) => {
    for (const key of event.keysChanged) if (readEntry(reader, key)?.text.includes('probe')) seen++
  })
  const start = performance.now()
  for (let i = 0; i < count; i++) {
    appendEntry(writer, { kind: 'chat', audience: 'all', authorId: 'bench', authorName: 'Bench', authorRole: 'rep', text: probeText(`[in-page-${i}]`) })
  }
  const elapsed = performance.now() - start
  if (seen !== count) throw new Error(`in-page Yjs: ${seen} of ${count} writes applied`)
  writer.destroy()
  reader.destroy()
  return elapsed / count
}
