/**
 * A stock y-webrtc peer for the browser test (stockPeer.spec.ts): stock `yjs`
 * and `y-webrtc` with default options (no `peerOpts.wrtc`, so it does not
 * speak Asiste's framing), joined from a customer link with SCHEMA.md's
 * derivations. Exposes `window.stockPeer`.
 */
import * as Y from 'yjs'
import { WebrtcProvider } from 'y-webrtc'
import { orderedTranscript, parseJoinLink, roomName, signalingUrls, type TranscriptEntry } from './stockReader'

const doc = new Y.Doc()
let provider: WebrtcProvider | undefined

/** What the page offers the test. */
export interface StockPeer {
  /** Joins the customer room of `link`; resolves with the room name once the provider exists. */
  join(link: string): Promise<string>
  /** The customer doc's transcript as read right now. */
  transcript(): TranscriptEntry[]
  /** Live WebRTC peers. */
  peers(): number
}

const stockPeer: StockPeer = {
  async join(link) {
    const { sessionId, customerKey } = parseJoinLink(link)
    const name = await roomName('customer', sessionId, customerKey)
    const config: unknown = await (await fetch('/config.json')).json()
    provider = new WebrtcProvider(name, doc, { signaling: signalingUrls(config, location.origin), password: customerKey })
    return name
  },
  transcript: () => orderedTranscript(doc),
  peers: () => provider?.room?.webrtcConns.size ?? 0,
}

Object.assign(window, { stockPeer })
