/**
 * Screen sharing. The request and its answer live in the customer doc
 * (`requests`, src/doc/screenRequests.ts); the pixels go peer to peer, from
 * the customer's browser to every visible rep over the customer room's
 * existing WebRTC links (src/net/mediaChannel.ts), each of which first proved
 * the session key (src/net/linkProofs.ts). Hidden reps are never in
 * that room, so no stream can reach them.
 */
import { createEffect, createMemo, createSignal, onCleanup, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import { latestScreenRequest, newestScreenRequest, readScreenRequests, requestScreen, setScreenState, type ScreenRequest, type ScreenState } from '../../doc/screenRequests'
import { readSessionAuthority } from '../../doc/session'
import { importSigningKey, signScreenRequest } from '../../net/sessionAuthority'
import { appendStatusNote, hasEventNote } from '../../doc/transcript'
import { customerWriter } from '../session/writers'
import { broadcastStream, watchRemoteStreams } from '../../net/mediaChannel'
import { randomId } from '../../net/roomKeys'
import type { DocConnection } from '../../net/connectDoc'
import type { CustomerIdentity } from '../../store/profile'
import { createDocReader } from '../shell/createDocReader'
import type { RepSession } from '../session/repSession'
import { reportUnprovenReps, type ProvenPeers } from './provenPeers'

/** The rep's view of the customer's screen. */
export interface RepScreen {
  /** The live stream while the customer shares. */
  stream: Accessor<MediaStream | undefined>
  /** State of the newest request, if any. */
  state: Accessor<ScreenState | undefined>
  /** Asks the customer to share (only while this rep is visible). */
  request(rep: { repId: string; name: string }): void
}

/** Follows the session's customer room and the newest screen request. Must run inside a reactive owner. */
export function createRepScreen(session: RepSession): RepScreen {
  const latest = createDocReader(session.customerDoc, latestScreenRequest)
  const [received, setReceived] = createSignal<MediaStream>()
  createEffect(() => {
    const link = session.customer()
    if (!link) {
      setReceived(undefined)
      return
    }
    onCleanup(
      watchRemoteStreams(link.connection, (stream) => {
        setReceived(stream)
        // The customer's removeStream renegotiates; the tracks then leave the remote stream.
        stream.addEventListener('removetrack', () => {
          if (stream.getTracks().length === 0 && received() === stream) setReceived(undefined)
        })
      }),
    )
  })
  return {
    stream: () => (latest()?.state === 'sharing' ? received() : undefined),
    state: () => latest()?.state,
    request(rep) {
      if (!session.customer()) return
      const request = { id: randomId(), repId: rep.repId, repName: rep.name, at: Date.now() }
      // Signed by the session authority (reps only): the customer's page asks only for a request a rep of this session made.
      const authority = readSessionAuthority(session.repDoc)
      void (authority ? importSigningKey(authority.privateKey) : Promise.resolve(undefined))
        .then((key) => (key ? signScreenRequest(key, session.sessionId, request) : undefined))
        .then((signature) => requestScreen(session.customerDoc, request.id, { repId: request.repId, repName: request.repName }, request.at, signature))
    },
  }
}

/** The customer's side: the pending request, and sharing. */
export interface CustomerScreen {
  /** The newest request while unanswered. */
  pending: Accessor<ScreenRequest | undefined>
  sharing: Accessor<boolean>
  /** Asks the browser for a screen (its picker) and streams it to the visible reps. */
  accept(): Promise<void>
  decline(): void
  stop(): void
}

/**
 * Creates the customer's screen-sharing state. Must run inside a reactive owner. The screen goes only
 * to peers whose link proved the session key (`proven`), whatever their presence says; a peer that
 * claims to be a rep and cannot prove it is reported to the reps. A share lives
 * only as long as the page that holds its stream: the page ends it on `pagehide`, and since that
 * last write may never leave the page, a request still marked as sharing while this page shares
 * nothing (the page that shared was reloaded or closed) is ended here, with its note, once.
 */
export function createCustomerScreen(
  doc: Y.Doc,
  connection: () => DocConnection | undefined,
  identity: Accessor<CustomerIdentity | undefined>,
  proven: ProvenPeers,
  verify?: (request: ScreenRequest) => Promise<boolean>,
): CustomerScreen {
  // With the link's session key, only requests it verifies count (each checked once, by what was signed); a peer's is never shown.
  const verdicts = new Map<string, boolean>()
  const [verdictTick, setVerdictTick] = createSignal(0)
  const signedKey = (request: ScreenRequest): string => JSON.stringify([request.id, request.repId, request.repName, request.at, request.signature ?? null])
  const requests = createDocReader(doc, readScreenRequests)
  createEffect(() => {
    if (!verify) return
    for (const request of requests()) {
      const key = signedKey(request)
      if (verdicts.has(key)) continue
      verdicts.set(key, false)
      void verify(request).then((ok) => {
        verdicts.set(key, ok)
        if (ok) setVerdictTick((n) => n + 1)
      })
    }
  })
  const latest = createMemo(() => {
    verdictTick()
    const list = requests()
    return newestScreenRequest(list, (request) => !verify || verdicts.get(signedKey(request)) === true)
  })
  const [sharing, setSharing] = createSignal(false)
  let active: { request: ScreenRequest; stream: MediaStream; stopBroadcast: () => void } | undefined

  const note = (event: 'screenShared' | 'screenStopped' | 'screenDeclined', request: ScreenRequest): void => {
    const me = identity()
    const eventKey = `screen:${request.id}:${event}`
    if (!me || hasEventNote(doc, eventKey, `customer:${me.customerId}`)) return
    appendStatusNote(doc, customerWriter(me), event, { eventKey })
  }
  const decline = (request: ScreenRequest): void => {
    setScreenState(doc, request, 'declined')
    note('screenDeclined', request)
  }
  /** Stops this page's stream; returns the request it answered. */
  const release = (): ScreenRequest | undefined => {
    const current = active
    if (!current) return undefined
    active = undefined
    current.stopBroadcast()
    current.stream.getTracks().forEach((track) => track.stop())
    setSharing(false)
    return current.request
  }
  const markStopped = (request: ScreenRequest): void => {
    setScreenState(doc, request, 'stopped')
    note('screenStopped', request)
  }
  const stop = (): void => {
    const request = release()
    if (request) markStopped(request)
  }
  onCleanup(stop)
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', stop)
    onCleanup(() => window.removeEventListener('pagehide', stop))
  }
  createEffect(() => {
    const request = latest()
    if (!request || !identity()) return
    if (request.state === 'sharing' && !active) markStopped(request) // nobody holds this share any more
    else if (active?.request.id === request.id && request.state !== 'sharing') release() // ended elsewhere (another tab of this session)
  })

  return {
    pending: () => {
      const request = latest()
      return request?.state === 'pending' ? request : undefined
    },
    sharing,
    async accept() {
      const request = latest()
      const conn = connection()
      if (!request || request.state !== 'pending' || !conn || active) return
      let stream: MediaStream
      try {
        // The real picker: the customer chooses a screen, window or tab (or cancels).
        stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false })
      } catch {
        decline(request)
        return
      }
      const stopSending = broadcastStream(conn, stream, (peerId) => proven.status(peerId) === 'proven', (listener) => proven.onChange(listener))
      const stopReporting = reportUnprovenReps(conn, proven, 'screen')
      const stopBroadcast = (): void => {
        stopReporting()
        stopSending()
      }
      active = { request, stream, stopBroadcast }
      // The browser's own "Stop sharing" bar ends the track.
      stream.getVideoTracks().forEach((track) => track.addEventListener('ended', stop))
      setScreenState(doc, request, 'sharing')
      note('screenShared', request)
      setSharing(true)
    },
    decline() {
      const request = latest()
      if (request?.state === 'pending') decline(request)
    },
    stop,
  }
}

