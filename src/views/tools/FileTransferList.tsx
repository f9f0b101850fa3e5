/**
 * Files on their way in or out: a progress bar each, Cancel while running, Save (and a received image's
 * preview) once verified. A finished transfer whose file note is in the transcript is shown inline in that
 * note (`FileTransferCard` under the note), so the list above the composer holds only what is still going on.
 */
import { Index, Show, createMemo } from 'solid-js'
import type { Entry } from '../../doc/entry'
import type { FileTransfers, Transfer } from '../../app/tools/fileTransfer'
import { formatBytes } from '../../i18n/format'
import { t, type MessageKey } from '../../i18n/i18n'

const RUNNING = new Set<Transfer['phase']>(['waiting', 'transferring', 'interrupted', 'verifying'])
const FINAL = new Set<Transfer['phase']>(['done', 'declined', 'cancelled', 'failed'])
const FILE_NOTE = 'file:'

/** The phase a transfer ends in for each file note's event: a note shows (and takes from the list) only transfers that ended so. */
const NOTE_PHASE: Partial<Record<NonNullable<Entry['event']>, Transfer['phase']>> = {
  fileSent: 'done',
  fileDeclined: 'declined',
  fileCancelled: 'cancelled',
  fileFailed: 'failed',
}

/** What a transcript file note is about: its transfer id (eventKey `file:<id>:<event>`) and the phase it records; undefined for any other entry. */
export function fileNoteOf(entry: Pick<Entry, 'kind' | 'event' | 'eventKey'>): { id: string; phase: Transfer['phase'] } | undefined {
  const key = entry.eventKey
  const phase = entry.event && NOTE_PHASE[entry.event]
  if (entry.kind !== 'status' || !phase || !key?.startsWith(FILE_NOTE)) return undefined
  const end = key.lastIndexOf(':')
  return end > FILE_NOTE.length ? { id: key.slice(FILE_NOTE.length, end), phase } : undefined
}

const noteKey = (id: string, phase: Transfer['phase']): string => `${phase}\0${id}`

function statusText(item: Transfer): string {
  if (item.phase === 'failed') return t(`files.failed.${item.reason ?? 'connection'}` as MessageKey)
  return t(`files.phase.${item.phase}` as MessageKey)
}

/** One transfer's name, the other side's name, progress, state and actions (the list's row or a file note's inline part). */
export function FileTransferCard(props: { item: Transfer; transfers: FileTransfers }) {
  const item = (): Transfer => props.item
  return (
    <>
      <span class="files__name">
        {item().name} ({formatBytes(item().size)}) · {t(item().direction === 'out' ? 'files.to' : 'files.from', { peer: item().peer })}
      </span>
      <div
        role="progressbar"
        class="files__bar"
        aria-label={t('files.progress', { name: item().name })}
        aria-valuemin={0}
        aria-valuemax={item().size}
        aria-valuenow={item().bytes}
      >
        <span style={{ width: `${item().size > 0 ? (100 * item().bytes) / item().size : 100}%` }} />
      </div>
      <span class="files__state" role={item().phase === 'failed' ? 'alert' : undefined}>{statusText(item())}</span>
      <Show when={RUNNING.has(item().phase)}>
        <button type="button" class="button" onClick={() => props.transfers.cancel(item().key)}>
          {t('files.cancel')}
        </button>
      </Show>
      <Show when={item().preview}>
        {(src) => <img class="files__preview" src={src()} alt={item().name} loading="lazy" decoding="async" />}
      </Show>
      <Show when={item().direction === 'in' && item().phase === 'done'}>
        <button type="button" class="button button--primary" onClick={() => props.transfers.save(item().key)}>
          {t('files.save')}
        </button>
      </Show>
    </>
  )
}

/** A file note's transfers on this page: same id, ended as the note says (none in History, or when this page took no part in it). */
export function FileNoteTransfers(props: { note: { id: string; phase: Transfer['phase'] }; transfers: FileTransfers }) {
  const items = createMemo(() => props.transfers.list().filter((item) => item.id === props.note.id && item.phase === props.note.phase))
  return (
    <Index each={items()}>
      {(item) => (
        <div class="files__item files__item--inline" data-phase={item().phase} data-direction={item().direction}>
          <FileTransferCard item={item()} transfers={props.transfers} />
        </div>
      )}
    </Index>
  )
}

/**
 * Props: the transfers state, and the transcript entries whose file notes take finished transfers
 * (omitted: every transfer stays in the list).
 */
export function FileTransferList(props: { transfers: FileTransfers; entries?: Entry[] }) {
  // Finished transfers whose note is in the transcript (shown there). A note, once written, stays: the entries are
  // scanned only while some finished transfer's note has not been seen yet (not on every message of a long session).
  const found = new Set<string>()
  const inline = createMemo<ReadonlySet<string>>((previous) => {
    const entries = props.entries
    const missing = props.transfers.list().filter((item) => FINAL.has(item.phase) && !found.has(noteKey(item.id, item.phase)))
    if (missing.length === 0 || !entries) return previous
    const wanted = new Set(missing.map((item) => noteKey(item.id, item.phase)))
    let added = false
    for (const entry of entries) {
      const note = fileNoteOf(entry)
      const key = note && noteKey(note.id, note.phase)
      if (key && wanted.has(key)) {
        found.add(key)
        added = true
      }
    }
    return added ? new Set(found) : previous
  }, new Set<string>())
  const shown = () => props.transfers.list().filter((item) => !inline().has(noteKey(item.id, item.phase)))
  return (
    <Show when={shown().length > 0}>
      <ul class="files" aria-label={t('files.list')}>
        {/* Index, not For: an update replaces the item object, and the row (its progress bar) must stay the same node. */}
        <Index each={shown()}>
          {(item) => (
            <li class="files__item" data-phase={item().phase} data-direction={item().direction}>
              <FileTransferCard item={item()} transfers={props.transfers} />
            </li>
          )}
        </Index>
      </ul>
    </Show>
  )
}
