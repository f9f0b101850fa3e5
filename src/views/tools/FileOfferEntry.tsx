/**
 * A file offer inside its transcript note (issue 21): the `Incoming file` group with Accept / Decline,
 * then the transfer's progress, Cancel, how it ended, Save and a received image's preview, all in place.
 * Nothing about a transfer shows above the composer. Which transfers a note carries is the rule of
 * src/doc/fileNotes.ts; the note itself reached this page only if it verified (the customer page's
 * entry trust, the rep doc's relay), so a forged offer note carries nothing actionable.
 */
import { Index, Show, createMemo } from 'solid-js'
import type { Entry } from '../../doc/entry'
import { carriesTransfer } from '../../doc/fileNotes'
import type { FileTransfers, Transfer } from '../../app/tools/fileTransfer'
import { formatBytes } from '../../i18n/format'
import { t, type MessageKey } from '../../i18n/i18n'
import './media.css'

const RUNNING = new Set<Transfer['phase']>(['waiting', 'transferring', 'interrupted', 'verifying'])

function statusText(item: Transfer): string {
  if (item.phase === 'failed') return t(`files.failed.${item.reason ?? 'connection'}` as MessageKey)
  return t(`files.phase.${item.phase}` as MessageKey)
}

/** One transfer: the other side's name, progress, state and actions; `peer` is who the row names. */
function FileTransferCard(props: { item: Transfer; peer: string; transfers: FileTransfers }) {
  const item = (): Transfer => props.item
  const offered = (): boolean => item().direction === 'in' && item().phase === 'offered'
  return (
    <div
      // An offer to this side is a non-modal dialog in the transcript (UI-CONTRACT: dialog `Incoming file` with
      // Accept / Decline): it asks a question without taking focus; the sender's own card is a plain group.
      role={item().direction === 'in' ? 'dialog' : 'group'}
      aria-label={t(item().direction === 'in' ? 'files.offerTitle' : 'files.outgoingTitle')}
      class="files__item files__item--inline"
      data-phase={item().phase}
      data-direction={item().direction}
    >
      <span class="files__name">
        {item().name} ({formatBytes(item().size)}) · {t(item().direction === 'out' ? 'files.to' : 'files.from', { peer: props.peer })}
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
      <Show when={offered()}>
        <p class="files__help hint">{t('files.offerHelp')}</p>
        <button type="button" class="button" onClick={() => props.transfers.decline(item().key)}>
          {t('files.decline')}
        </button>
        <button type="button" class="button button--primary" onClick={() => props.transfers.accept(item().key)}>
          {t('files.accept')}
        </button>
      </Show>
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
    </div>
  )
}

/**
 * Props: a `fileOffered` note, this page's transfers and who reads it. Shows the transfers the note
 * carries: this page's own offer (one row per recipient), or the offer made to this page; none in
 * History, or on a page that took no part.
 */
export function FileOfferEntry(props: { note: Entry; transfers: FileTransfers; selfId: string | undefined }) {
  const items = createMemo(() => props.transfers.list().filter((item) => carriesTransfer(props.note, item, props.selfId)))
  return (
    // Index, not For: an update replaces the item object, and the row (its progress bar) must stay the same node.
    <Index each={items()}>
      {(item) => <FileTransferCard item={item()} peer={item().direction === 'in' ? props.note.authorName : item().peer} transfers={props.transfers} />}
    </Index>
  )
}
