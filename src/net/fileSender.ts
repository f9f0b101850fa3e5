/**
 * The sending side of a file transfer (protocol in fileChannel.ts). It keeps
 * the File handle for the whole transfer, so a channel that drops after the
 * accept only interrupts it: `resume` continues over a new channel from the
 * bytes the receiver says it holds, and the end-to-end SHA-256 is unchanged.
 */
import type { ChunkedChannel } from './chunkedChannel'
import { FILE_CHUNK_BYTES, parseControl, sendControl, sha256Hex, type FailReason, type FileOffer, type TransferHooks, type TransferPhase } from './fileChannel'

/** Bytes queued on the channel before the sender waits: keeps the pipe full without loading the file into memory. */
const SEND_HIGH_WATER_BYTES = 8 * 1024 * 1024
/** Refill once this little is left in flight, so the pipe never runs dry between reads. */
const SEND_LOW_WATER_BYTES = 2 * 1024 * 1024
/**
 * How long a first resume waits for the receiver's answer before trying again: the receiver's
 * page hooks a freshly reconnected peer connection on its next presence refresh (≤ 2 s), so a
 * side channel opened before that goes unheard. Each unanswered try doubles the wait, up to
 * RESUME_MAX_ANSWER_MS, so a slow (relayed) link still gets its answer through.
 */
export const RESUME_ANSWER_MS = 1_000
/** Longest wait for a resume answer. */
const RESUME_MAX_ANSWER_MS = 8_000

/** The sender's handle on one transfer. */
export interface OutgoingFile {
  /** Cancels, telling the receiver if the channel is up. */
  cancel(): void
  /** Whether the channel dropped after the accept and a new one is awaited. */
  interrupted(): boolean
  /** Continues an interrupted transfer over `channel`, a new channel to the same peer. */
  resume(channel: ChunkedChannel): void
  /** Notices a channel that closed without a `close` event (a locally closed peer connection fires none). */
  checkChannel(): void
  /** Ends an interrupted transfer as failed: the receiving page is gone (it reloaded), nothing can resume. */
  abandon(): void
}

function drained(channel: ChunkedChannel): Promise<void> {
  return new Promise((resolve) => {
    channel.bufferedAmountLowThreshold = SEND_LOW_WATER_BYTES
    const done = (): void => {
      channel.removeEventListener('bufferedamountlow', done)
      channel.removeEventListener('close', done)
      resolve()
    }
    channel.addEventListener('bufferedamountlow', done)
    channel.addEventListener('close', done)
  })
}

/** Runs the sending side, starting with an offer on `first`. */
export function sendFile(first: ChunkedChannel, offer: FileOffer, file: Blob, hooks: TransferHooks): OutgoingFile {
  let channel = first
  let run = 0 // one per channel: work started for an older channel stops
  let finished = false
  let accepted = false
  let interrupted = false
  let hash: Promise<string> | undefined // hashed once, while the first bytes travel
  let answerTimer: ReturnType<typeof setTimeout> | undefined
  let answerWait = RESUME_ANSWER_MS
  const finish = (phase: TransferPhase, reason?: FailReason): void => {
    if (finished) return
    finished = true
    clearTimeout(answerTimer)
    hooks.phase(phase, reason)
    channel.close()
  }
  const drop = (mine: number): void => {
    if (finished || mine !== run || interrupted) return
    if (!accepted) return finish('failed', 'connection') // nothing started: nothing to resume
    interrupted = true
    run += 1
    clearTimeout(answerTimer)
    channel.close()
    hooks.phase('interrupted')
  }
  const pump = async (from: number, mine: number): Promise<void> => {
    const ch = channel
    hooks.phase('transferring')
    hash ??= sha256Hex(file)
    for (let offset = from; offset < file.size; ) {
      if (finished || mine !== run) return
      if (ch.bufferedAmount > SEND_HIGH_WATER_BYTES) {
        await drained(ch)
        continue
      }
      const chunk = await file.slice(offset, offset + FILE_CHUNK_BYTES).arrayBuffer()
      if (finished || mine !== run) return
      if (ch.readyState !== 'open') return drop(mine)
      ch.send(chunk)
      offset += chunk.byteLength
      hooks.progress(Math.max(0, offset - ch.bufferedAmount))
    }
    const sha256 = await hash
    if (finished || mine !== run) return
    if (ch.readyState !== 'open') return drop(mine)
    ch.send(JSON.stringify({ t: 'end', sha256 }))
    hooks.phase('verifying')
  }
  const onMessage = (data: unknown, mine: number): void => {
    const message = parseControl(data)
    const start = (from: number): void => void pump(from, mine).catch(() => drop(mine))
    if (message?.t === 'accept' && !accepted) {
      accepted = true
      start(0)
    } else if (message?.t === 'from' && accepted) {
      clearTimeout(answerTimer)
      answerWait = RESUME_ANSWER_MS
      const offset = message.offset
      if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0 || offset > file.size) return finish('failed', 'protocol')
      start(offset)
    } else if (message?.t === 'gone') finish('failed', 'connection')
    else if (message?.t === 'decline') finish('declined')
    else if (message?.t === 'busy') finish('failed', 'busy')
    else if (message?.t === 'cancel') finish('cancelled')
    else if (message?.t === 'ok') {
      hooks.progress(file.size)
      finish('done')
    } else if (message?.t === 'bad') finish('failed', 'checksum')
  }
  const bind = (ch: ChunkedChannel, hello: object): void => {
    channel = ch
    const mine = run
    const greet = (): void => {
      if (mine !== run || finished) return
      sendControl(ch, hello)
      if (!accepted) hooks.phase('waiting')
    }
    ch.addEventListener('message', (event) => {
      if (mine === run && !finished) onMessage((event as MessageEvent).data, mine)
    })
    ch.addEventListener('close', () => drop(mine))
    if (ch.readyState === 'open') greet()
    else ch.addEventListener('open', greet)
  }
  bind(first, { t: 'offer', id: offer.id, name: offer.name, size: offer.size, mime: offer.mime })
  return {
    cancel() {
      if (finished) return
      sendControl(channel, { t: 'cancel' })
      finish('cancelled')
    },
    interrupted: () => interrupted && !finished,
    resume(next) {
      if (!interrupted || finished) {
        next.close()
        return
      }
      interrupted = false
      bind(next, { t: 'resume', id: offer.id, size: offer.size })
      const mine = run
      // No answer in time: give the channel up and let the caller try again, waiting longer.
      answerTimer = setTimeout(() => {
        answerWait = Math.min(answerWait * 2, RESUME_MAX_ANSWER_MS)
        drop(mine)
      }, answerWait)
    },
    checkChannel() {
      if (!interrupted && channel.readyState === 'closed') drop(run)
    },
    abandon() {
      if (interrupted) finish('failed', 'connection')
    },
  }
}
