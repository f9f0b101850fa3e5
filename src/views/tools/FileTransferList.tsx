/** Files on their way in or out: a progress bar each, Cancel while running, Save once verified. */
import { Index, Show } from 'solid-js'
import type { FileTransfers, Transfer } from '../../app/tools/fileTransfer'
import { formatBytes } from '../../i18n/format'
import { t, type MessageKey } from '../../i18n/i18n'

const RUNNING = new Set<Transfer['phase']>(['waiting', 'transferring', 'interrupted', 'verifying'])

function statusText(item: Transfer): string {
  if (item.phase === 'failed') return t(`files.failed.${item.reason ?? 'connection'}` as MessageKey)
  return t(`files.phase.${item.phase}` as MessageKey)
}

/** Props: the transfers state. */
export function FileTransferList(props: { transfers: FileTransfers }) {
  return (
    <Show when={props.transfers.list().length > 0}>
      <ul class="files" aria-label={t('files.list')}>
        {/* Index, not For: an update replaces the item object, and the row (its progress bar) must stay the same node. */}
        <Index each={props.transfers.list()}>
          {(item) => (
            <li class="files__item" data-phase={item().phase} data-direction={item().direction}>
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
            </li>
          )}
        </Index>
      </ul>
    </Show>
  )
}
