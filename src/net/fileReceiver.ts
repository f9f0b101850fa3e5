/**
 * The receiving side of a file transfer (protocol in fileChannel.ts). Once
 * accepted, what has arrived is kept while the page is open: a channel that
 * drops interrupts the transfer, and a `resume` from the same peer over a new
 * channel is told how many bytes are here, so only the rest travels. Bytes are
 * counted per whole message (a chunk cut mid-way by the drop never arrives),
 * and the SHA-256 at the end covers every byte.
 */
import type { ChunkedChannel } from './chunkedChannel'
import { MAX_FILE_NAME_CHARS, MAX_OFFER_ID_CHARS, parseControl, sendControl, sha256Hex, type FailReason, type FileOffer, type TransferHooks, type TransferPhase } from './fileChannel'

/** The receiving side of one channel, once its offer has arrived. */
export interface IncomingFile {
  offer: FileOffer
  accept(): void
  decline(): void
  cancel(): void
}

/** A transfer this side received (part of): what a resume over a new channel continues. */
export interface ReceivedFile {
  /** Takes over `channel`, whose `resume` message asked for this transfer at `size` bytes. */
  resume(channel: ChunkedChannel, size: number): void
  /** Notices a channel that closed without a `close` event (a locally closed peer connection fires none). */
  checkChannel(): void
  /** Whether the channel dropped and a resume is awaited. */
  interrupted(): boolean
  /** Ends an interrupted transfer as failed: the sending page is gone (it reloaded), nothing can resume. */
  abandon(): void
}

/** Receiver callbacks: the transfer hooks plus the verified file. */
export type ReceiveHooks = TransferHooks & { done(file: Blob): void }

/**
 * Runs the receiving side on `channel`. A new offer goes to `onOffer` (one above `maxBytes` is
 * declined by itself) and the returned handle is what later resumes continue; a channel that
 * starts with `resume` is handed to what `findResumable` returns for its id, or told `gone`.
 */
export function receiveFile(
  channel: ChunkedChannel,
  maxBytes: number,
  onOffer: (incoming: IncomingFile, received: ReceivedFile) => void,
  hooks: ReceiveHooks,
  findResumable: (id: string) => ReceivedFile | undefined = () => undefined,
): void {
  let current = channel
  let run = 0
  let offer: FileOffer | undefined
  let accepted = false
  let finished: TransferPhase | undefined
  let interrupted = false
  let handedOver = false // this channel resumed another transfer: it is not ours to report on
  const parts: ArrayBuffer[] = []
  let received = 0
  const finish = (phase: TransferPhase, reason?: FailReason): void => {
    if (finished) return
    finished = phase
    hooks.phase(phase, reason)
    if (phase !== 'done') current.close()
  }
  const drop = (mine: number): void => {
    if (finished || handedOver || interrupted || mine !== run) return
    if (!accepted) return finish('failed', 'connection')
    run += 1
    interrupted = true
    hooks.phase('interrupted')
  }
  const verify = async (expected: unknown, ch: ChunkedChannel): Promise<void> => {
    hooks.phase('verifying')
    const file = new Blob(parts, { type: offer?.mime ?? '' })
    const ok = received === offer?.size && typeof expected === 'string' && (await sha256Hex(file)) === expected
    sendControl(ch, { t: ok ? 'ok' : 'bad' })
    if (!ok) return finish('failed', 'checksum')
    parts.length = 0 // the Blob holds the bytes now
    hooks.done(file)
    finish('done')
  }
  const handle: ReceivedFile = {
    resume(next, size) {
      const stale = current
      if (finished === 'done') sendControl(next, { t: 'ok' }) // only the last answer was lost
      else if (!finished && accepted && size === offer?.size) {
        run += 1
        interrupted = false
        bind(next)
        stale.close()
        sendControl(next, { t: 'from', offset: received })
        hooks.phase('transferring')
        return
      } else sendControl(next, { t: 'gone' })
      next.close()
    },
    checkChannel() {
      if (!finished && !interrupted && current.readyState === 'closed') drop(run)
    },
    interrupted: () => interrupted && !finished,
    abandon() {
      if (interrupted && !finished) finish('failed', 'connection')
    },
  }
  const onOfferMessage = (message: Record<string, unknown>): void => {
    const { id, name, size, mime } = message
    if (typeof id !== 'string' || typeof name !== 'string' || typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return finish('failed', 'protocol')
    if (id.length > MAX_OFFER_ID_CHARS || name.length > MAX_FILE_NAME_CHARS) {
      sendControl(current, { t: 'decline' })
      return finish('failed', 'protocol')
    }
    offer = { id, name, size, mime: typeof mime === 'string' ? mime.slice(0, 100) : '' }
    if (size > maxBytes) {
      sendControl(current, { t: 'decline' })
      return finish('failed', 'tooLarge')
    }
    hooks.phase('offered')
    const incoming: IncomingFile = {
      offer,
      accept() {
        if (accepted || finished) return
        accepted = true
        sendControl(current, { t: 'accept' })
        hooks.phase('transferring')
      },
      decline() {
        sendControl(current, { t: 'decline' })
        finish('declined')
      },
      cancel() {
        sendControl(current, { t: 'cancel' })
        finish('cancelled')
      },
    }
    onOffer(incoming, handle)
  }
  const onMessage = (data: unknown, ch: ChunkedChannel): void => {
    if (data instanceof ArrayBuffer) {
      if (!accepted || !offer || received + data.byteLength > offer.size) return finish('failed', 'protocol')
      parts.push(data)
      received += data.byteLength
      hooks.progress(received)
      return
    }
    const message = parseControl(data)
    if (!offer && message?.t === 'resume' && typeof message.id === 'string' && typeof message.size === 'number') {
      handedOver = true
      const target = findResumable(message.id)
      if (target) target.resume(ch, message.size)
      else {
        sendControl(ch, { t: 'gone' })
        ch.close()
      }
    } else if (!offer && message?.t === 'offer') onOfferMessage(message)
    else if (message?.t === 'end' && accepted) void verify(message.sha256, ch)
    else if (message?.t === 'cancel') finish('cancelled')
    else finish('failed', 'protocol')
  }
  const bind = (ch: ChunkedChannel): void => {
    current = ch
    const mine = run
    ch.addEventListener('message', (event) => {
      if (mine === run && !finished && !handedOver) onMessage((event as MessageEvent).data, ch)
    })
    ch.addEventListener('close', () => drop(mine))
  }
  bind(channel)
}
