/**
 * File transfers of one session side (rep or customer) as Solid state: send
 * to the peers on the other side, answer incoming offers, progress, cancel,
 * save. The bytes go over src/net/fileChannel.ts; only a status note (name
 * and size) reaches the transcript. A transfer cut by a dropped link waits,
 * and resumes when the same peer is back (transferLinks.ts).
 */
import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js'
import type { DocConnection } from '../../net/connectDoc'
import type { PresenceUser } from '../../net/presence'
import { formatBytes } from '../../i18n/format'
import { DEFAULT_MAX_FILE_BYTES, MAX_FILE_NAME_CHARS, openFileChannel, watchFileChannels, type FailReason, type TransferPhase } from '../../net/fileChannel'
import { receiveFile, type IncomingFile } from '../../net/fileReceiver'
import { sendFile } from '../../net/fileSender'
import { createTransferLinks } from './transferLinks'
import { peersByRole } from '../../net/mediaChannel'
import { randomId } from '../../net/roomKeys'
import type * as Y from 'yjs'
import { appendStatusNote } from '../../doc/transcript'
import { customerWriter, repWriter } from '../session/writers'
import type { CustomerIdentity } from '../../store/profile'
import type { RepSession } from '../session/repSession'
import { downloadFile } from '../shell/download'

export { DEFAULT_MAX_FILE_BYTES, MAX_FILE_NAME_CHARS }
export { formatBytes }

/** One transfer as the UI shows it. */
export interface Transfer {
  key: string
  direction: 'in' | 'out'
  name: string
  size: number
  /** The other side's name. */
  peer: string
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
export type FileEvent = 'fileSent' | 'fileDeclined' | 'fileCancelled' | 'fileFailed'

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
}

/** The transfers state. */
export interface FileTransfers {
  list: Accessor<Transfer[]>
  /** The first incoming offer still waiting for an answer. */
  offer: Accessor<Transfer | undefined>
  /** Offers `file`; says why not when its name is too long, it is too large or nobody is there to receive it. */
  send(file: File): SendResult
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
    options.note(event, `${transfer.name} (${formatBytes(transfer.size)})`, id)
  }

  createEffect(() => {
    const connection = options.connection()
    if (!connection) return
    onCleanup(links.follow(connection))
    onCleanup(
      watchFileChannels(connection, (channel, peerId) => {
        const key = randomId()
        const peer = peersByRole(connection).get(peerId)?.user?.name ?? ''
        receiveFile(
          channel,
          maxBytes,
          (incoming, received) => {
            controls.set(key, { cancel: incoming.cancel, incoming })
            links.received(peerId, incoming.offer.id, received)
            offerIds.set(key, incoming.offer.id)
            setList((all) => [...all, { key, direction: 'in', name: incoming.offer.name, size: incoming.offer.size, peer, phase: 'offered', bytes: 0 }])
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
      }, links.onPoll),
    )
  })

  return {
    list,
    offer: () => list().find((item) => item.direction === 'in' && item.phase === 'offered'),
    send(file) {
      if (file.name.length > MAX_FILE_NAME_CHARS) return 'nameTooLong'
      if (file.size > maxBytes) return 'tooLarge'
      const connection = options.connection()
      const targets = connection ? [...peersByRole(connection)].filter(([, peer]) => options.recipient(peer.user)) : []
      if (targets.length === 0) return 'noPeer'
      const id = randomId()
      const offer = { id, name: file.name, size: file.size, mime: file.type }
      for (const [peerId, target] of targets) {
        const key = randomId()
        setList((all) => [...all, { key, direction: 'out', name: file.name, size: file.size, peer: target.user?.name ?? '', phase: 'waiting', bytes: 0 }])
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

/** A rep's transfers: to and from the customer, over the customer room (none while hidden). Notes go to the rep doc. */
export function createRepFileTransfers(session: Pick<RepSession, 'customer' | 'repDoc'>, profile: () => { repId: string; name: string } | undefined, maxBytes?: number): FileTransfers {
  return createFileTransfers({
    connection: () => session.customer()?.connection,
    recipient: (user) => user?.role === 'customer',
    note(event, text, id) {
      const me = profile()
      if (!me) return
      appendStatusNote(session.repDoc, repWriter(me), event, { text, eventKey: `file:${id}:${event}` })
    },
    maxBytes,
  })
}

/** The customer's transfers: to and from every visible rep. Notes go to the customer doc (the reps' relay copies them). */
export function createCustomerFileTransfers(doc: Y.Doc, connection: () => DocConnection | undefined, identity: Accessor<CustomerIdentity | undefined>, maxBytes?: number): FileTransfers {
  return createFileTransfers({
    connection,
    recipient: (user) => user?.role === 'rep',
    note(event, text, id) {
      const me = identity()
      if (!me) return
      appendStatusNote(doc, customerWriter(me), event, { text, eventKey: `file:${id}:${event}` })
    },
    maxBytes,
  })
}
