/**
 * File transfers of one session side (rep or customer) as Solid state: send
 * to the peers on the other side, answer incoming offers, progress, cancel,
 * save. The bytes go over src/net/fileChannel.ts; only status notes (name
 * and size) reach the transcript: `fileOffered` when a file is offered (the
 * views show the transfer inside it, src/doc/fileNotes.ts), then how it
 * ended. A transfer cut by a dropped link waits, and resumes when the same
 * peer is back (transferLinks.ts). On the
 * customer's side files go to, and come from, only peers whose link proved
 * the session key (provenPeers.ts); others are refused and reported.
 */
import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js'
import type { DocConnection } from '../../net/connectDoc'
import type { PresenceUser } from '../../net/presence'
import { formatBytes } from '../../i18n/format'
import { DEFAULT_MAX_FILE_BYTES, MAX_FILE_NAME_CHARS, openFileChannel, sendControl, watchFileChannels, type FailReason, type TransferPhase } from '../../net/fileChannel'
import type { ChunkedChannel } from '../../net/chunkedChannel'
import type { ProvenPeers } from './provenPeers'
import { receiveFile, type IncomingFile } from '../../net/fileReceiver'
import { sendFile } from '../../net/fileSender'
import { createTransferLinks } from './transferLinks'
import { peersByRole } from '../../net/mediaChannel'
import { randomId } from '../../net/roomKeys'
import type * as Y from 'yjs'
import { appendStatusNote } from '../../doc/transcript'
import { fileNoteKey, fileNoteText, type FileNoteEvent } from '../../doc/fileNotes'
import { customerWriter, repWriter } from '../session/writers'
import type { CustomerIdentity } from '../../store/profile'
import type { RepSession } from '../session/repSession'
import { downloadFile } from '../shell/download'

export { DEFAULT_MAX_FILE_BYTES, MAX_FILE_NAME_CHARS }
export { formatBytes }

/** One transfer as the UI shows it. */
export interface Transfer {
  key: string
  /** The transfer id both sides share; the transcript's file note names it in its eventKey (`file:<id>:<event>`). */
  id: string
  direction: 'in' | 'out'
  name: string
  size: number
  /** The other side's name. */
  peer: string
  /** The user id the other side's presence claims (matched against the author of the offer note). */
  peerUserId?: string
  phase: TransferPhase
  bytes: number
  reason?: FailReason
  /** A received image's object URL, for its inline preview (revoked when the session's model goes). */
  preview?: string
}

/** Received files shown inline: raster formats browsers decode safely in an <img> (never SVG, which is a document). */
const PREVIEW_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif'])
/** Larger images are only offered for saving: decoding a huge one would stall the page. */
export const MAX_PREVIEW_BYTES = 10 * 1024 * 1024

/**
 * What `send` did: offered, or why not. `nameTooLong`: receivers refuse an offer whose name is
 * longer than `MAX_FILE_NAME_CHARS` (never cut), so the sender is told before offering.
 */
export type SendResult = 'sent' | 'tooLarge' | 'nameTooLong' | 'noPeer'

/** Transcript events a sender notes. */
export type FileEvent = FileNoteEvent

/** What the transfers need from their side of the session. */
export interface FileTransferOptions {
  /** The customer room connection (undefined while a rep is hidden). */
  connection: () => DocConnection | undefined
  /** Which peers a file goes to. */
  recipient(user: PresenceUser | undefined): boolean
  /** Writes a status note (called by the sender, once per transfer id and event). */
  note(event: FileEvent, text: string, transferId: string): void
  /** Largest file sent or accepted. */
  maxBytes?: number
  /**
   * When set (the customer's page), files go only to peers whose link proved the session key and are
   * taken only from them; a peer that claims to be a rep without proving it is refused and reported.
   */
  proven?: ProvenPeers
  /** Side channels a peer opened before these transfers existed (the customer page makes them on first use), taken as if just opened. */
  caught?: CaughtChannel[]
}

/** A side channel caught before the transfers existed, with the messages it brought meanwhile (replayed in order). */
export interface CaughtChannel {
  channel: ChunkedChannel
  peerId: string
  /** Stops holding the channel's messages and returns those it held. */
  release(): unknown[]
}

/** How long a refused file channel stays open for its `decline` to leave, if the sender does not close it first. */
const REFUSED_CLOSE_MS = 5_000

/**
 * Holds a side channel's messages until `admit` settles: then hands the channel on (replaying them)
 * or answers `decline`, closes it and calls `refused`.
 */
function admitChannel(channel: ChunkedChannel, admit: Promise<boolean>, accepted: () => void, refused: () => void): void {
  const held: unknown[] = []
  const hold = (event: Event): void => void held.push((event as MessageEvent).data)
  channel.addEventListener('message', hold)
  void admit.then((ok) => {
    channel.removeEventListener('message', hold)
    if (!ok) {
      // Declined as soon as the channel is open; the sender closes it on the answer (or it is closed here after a while).
      const decline = (): void => {
        sendControl(channel, { t: 'decline' })
        setTimeout(() => channel.close(), REFUSED_CLOSE_MS)
      }
      if (channel.readyState === 'open') decline()
      else channel.addEventListener('open', decline)
      refused()
      return
    }
    accepted()
    for (const data of held) channel.dispatchEvent(new MessageEvent('message', { data }))
  })
}

/** The transfers state. */
export interface FileTransfers {
  list: Accessor<Transfer[]>
  /**
   * Offers `file`; says why not when its name is too long, it is too large or nobody is there to receive it
   * (later, on the customer's page, when the transfers' code is still loading: src/app/customer/customerTools.ts).
   */
  send(file: File): SendResult | Promise<SendResult>
  accept(key: string): void
  decline(key: string): void
  cancel(key: string): void
  save(key: string): void
}

const FINAL = new Set<TransferPhase>(['done', 'declined', 'cancelled', 'failed'])

/** Creates the transfers of one side. Needs a reactive owner (a session model's root), no view. */
export function createFileTransfers(options: FileTransferOptions): FileTransfers {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES
  const [list, setList] = createSignal<Transfer[]>([])
  const controls = new Map<string, { cancel(): void; incoming?: IncomingFile; file?: Blob }>()
  const links = createTransferLinks()
  const offerIds = new Map<string, string>() // incoming row key → transfer id
  const previews: string[] = []
  onCleanup(() => previews.forEach((url) => URL.revokeObjectURL(url)))
  const update = (key: string, patch: Partial<Transfer>): void => {
    setList((all) => all.map((item) => (item.key === key ? { ...item, ...patch } : item)))
  }
  const noted = new Set<string>()
  const noteOnce = (event: FileEvent, transfer: { name: string; size: number }, id: string): void => {
    if (noted.has(`${id}:${event}`)) return
    noted.add(`${id}:${event}`)
    options.note(event, fileNoteText(transfer.name, formatBytes(transfer.size)), id)
  }

  const receive = (channel: ChunkedChannel, peerId: string, key: string, peer: string, peerUserId: string | undefined): void => {
    receiveFile(
      channel,
      maxBytes,
      (incoming, received) => {
        controls.set(key, { cancel: incoming.cancel, incoming })
        links.received(peerId, incoming.offer.id, received)
        offerIds.set(key, incoming.offer.id)
        setList((all) => [...all, { key, id: incoming.offer.id, direction: 'in', name: incoming.offer.name, size: incoming.offer.size, peer, ...(peerUserId === undefined ? {} : { peerUserId }), phase: 'offered', bytes: 0 }])
      },
      {
        progress: (bytes) => update(key, { bytes }),
        phase: (phase, reason) => {
          update(key, { phase, reason })
          if (phase === 'interrupted') links.wake()
          // A verified file stays resumable: if only our `ok` was lost, its sender is told again.
          if (phase === 'declined' || phase === 'cancelled' || phase === 'failed') links.forget(peerId, offerIds.get(key) ?? '')
        },
        done: (file) => {
          const control = controls.get(key)
          if (control) control.file = file
          if (PREVIEW_TYPES.has(file.type) && file.size <= MAX_PREVIEW_BYTES) {
            const preview = URL.createObjectURL(file)
            previews.push(preview)
            update(key, { preview })
          }
        },
      },
      (id) => links.resumable(peerId, id),
    )
  }

  const caught = options.caught ?? []
  createEffect(() => {
    const connection = options.connection()
    if (!connection) return
    onCleanup(links.follow(connection))
    const onChannel = (channel: ChunkedChannel, peerId: string): void => {
      const key = randomId()
      const user = peersByRole(connection).get(peerId)?.user
      const peer = user?.name ?? ''
      const proven = options.proven
      if (proven && proven.status(peerId) !== 'proven') {
        admitChannel(channel, proven.settled(peerId), () => receive(channel, peerId, key, peer, user?.id), () => proven.report({ what: 'fileIn', peerId, ...(user ? { claimedName: user.name } : {}) }))
        return
      }
      receive(channel, peerId, key, peer, user?.id)
    }
    // Listening first, then replaying: what a caught channel brought meanwhile reaches the same handlers as what comes next.
    for (const early of caught.splice(0)) {
      const held = early.release()
      onChannel(early.channel, early.peerId)
      for (const data of held) early.channel.dispatchEvent(new MessageEvent('message', { data }))
    }
    onCleanup(watchFileChannels(connection, onChannel, links.onPoll))
  })

  return {
    list,
    send(file) {
      if (file.name.length > MAX_FILE_NAME_CHARS) return 'nameTooLong'
      if (file.size > maxBytes) return 'tooLarge'
      const connection = options.connection()
      const proven = options.proven
      const peers = connection ? [...peersByRole(connection)].filter(([, peer]) => options.recipient(peer.user)) : []
      const targets = proven ? peers.filter(([peerId, peer]) => {
        const status = proven.status(peerId)
        if (status === 'failed') proven.report({ what: 'fileOut', peerId, ...(peer.user ? { claimedName: peer.user.name } : {}) })
        return status !== 'failed'
      }) : peers
      if (targets.length === 0) return 'noPeer'
      const id = randomId()
      const offer = { id, name: file.name, size: file.size, mime: file.type }
      // Noted before any channel opens: the receiver shows the offer (Accept / Decline) inside this note.
      noteOnce('fileOffered', offer, id)
      const start = (peerId: string, target: (typeof targets)[number][1]): void => {
        const key = randomId()
        const peerUserId = target.user?.id
        setList((all) => [...all, { key, id, direction: 'out', name: file.name, size: file.size, peer: target.user?.name ?? '', ...(peerUserId === undefined ? {} : { peerUserId }), phase: 'waiting', bytes: 0 }])
        const outgoing = sendFile(openFileChannel(target.link, id), offer, file, {
          progress: (bytes) => update(key, { bytes }),
          phase: (phase, reason) => {
            update(key, { phase, reason })
            if (phase === 'interrupted') links.wake()
            if (FINAL.has(phase)) links.forget(peerId, id)
            const event: FileEvent | undefined = phase === 'done' ? 'fileSent' : phase === 'declined' ? 'fileDeclined' : phase === 'cancelled' ? 'fileCancelled' : phase === 'failed' ? 'fileFailed' : undefined
            if (event) noteOnce(event, offer, id)
          },
        })
        links.sent(peerId, id, outgoing)
        controls.set(key, { cancel: outgoing.cancel })
      }
      for (const [peerId, target] of targets) {
        if (!proven || proven.status(peerId) === 'proven') start(peerId, target)
        else {
          // Still proving (a rep that just reconnected): the file goes once it has, or is refused.
          void proven.settled(peerId).then((ok) => {
            if (ok) start(peerId, target)
            else proven.report({ what: 'fileOut', peerId, ...(target.user ? { claimedName: target.user.name } : {}) })
          })
        }
      }
      return 'sent'
    },
    accept: (key) => controls.get(key)?.incoming?.accept(),
    decline: (key) => controls.get(key)?.incoming?.decline(),
    cancel: (key) => controls.get(key)?.cancel(),
    save(key) {
      const file = controls.get(key)?.file
      const item = list().find((transfer) => transfer.key === key)
      if (file && item) downloadFile(item.name, file.type || 'application/octet-stream', file)
    },
  }
}

/** A rep's transfers: to and from the customer, over the customer room (none while hidden). Notes go to the rep doc; `caught`: channels held before they existed (src/app/session/lazyRepFiles.ts). */
export function createRepFileTransfers(session: Pick<RepSession, 'customer' | 'repDoc'>, profile: () => { repId: string; name: string } | undefined, maxBytes?: number, caught?: CaughtChannel[]): FileTransfers {
  return createFileTransfers({
    ...(caught ? { caught } : {}),
    connection: () => session.customer()?.connection,
    recipient: (user) => user?.role === 'customer',
    note(event, text, id) {
      const me = profile()
      if (!me) return
      appendStatusNote(session.repDoc, repWriter(me), event, { text, eventKey: fileNoteKey(id, event) })
    },
    maxBytes,
  })
}

/**
 * The customer's transfers: to and from every visible rep whose link proved the session key (`proven`).
 * Notes go to the customer doc (the reps' relay copies them).
 */
export function createCustomerFileTransfers(doc: Y.Doc, connection: () => DocConnection | undefined, identity: Accessor<CustomerIdentity | undefined>, proven: ProvenPeers, maxBytes?: number, caught?: CaughtChannel[]): FileTransfers {
  return createFileTransfers({
    connection,
    proven,
    ...(caught ? { caught } : {}),
    recipient: (user) => user?.role !== 'customer',
    note(event, text, id) {
      const me = identity()
      if (!me) return
      appendStatusNote(doc, customerWriter(me), event, { text, eventKey: fileNoteKey(id, event) })
    },
    maxBytes,
  })
}
