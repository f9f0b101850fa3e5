/**
 * The `Queue` region: waiting requests of the team's portals, oldest first, each a list item with its
 * customer, problem, portal and waiting time (coloured by age like the session tabs, with a shape so
 * colour is not the only cue), and `Take` / `Reject` / `Mark as spam`. New requests are announced
 * politely; how this rep's takes ended (won, taken by someone else) is said in a status line.
 */
import { For, Show, createSignal } from 'solid-js'
import { useConsole } from '../../app/shell/appContext'
import type { QueueItem, TakeOutcome } from '../../app/queue/repQueue'
import type { IdleColour } from '../../app/shell/idle'
import { formatDuration } from '../../i18n/format'
import { t, tn } from '../../i18n/i18n'
import './queue.css'

const AGE_GLYPHS: Record<IdleColour, string> = { green: '●', yellow: '▲', red: '■' }

function outcomeText(outcome: TakeOutcome): string {
  const customer = outcome.customerName
  if (outcome.result === 'won') return t('queue.won', { customer })
  if (outcome.result === 'lost') return t('queue.lost', { name: outcome.byName, customer })
  if (outcome.result === 'cancelled') return t('queue.cancelledOutcome', { customer })
  return t('queue.rejectedOutcome', { customer })
}

function Request(props: { item: QueueItem }) {
  const { queue } = useConsole()
  const [busy, setBusy] = createSignal(false)
  const age = () => queue.age(props.item)
  const run = (action: () => Promise<void>): void => {
    setBusy(true)
    void action().finally(() => setBusy(false))
  }
  return (
    <li class="queue__item" data-age={age().colour} aria-labelledby={`queue-${props.item.requestId}`}>
      <div class="queue__head">
        <span class="queue__age" aria-hidden="true">
          {AGE_GLYPHS[age().colour]}
        </span>
        <strong id={`queue-${props.item.requestId}`} class="queue__name">
          {props.item.customerName}
        </strong>
        <span class="queue__meta">
          {t('queue.waiting', { time: formatDuration(age().seconds) })} ·{' '}
          {props.item.handbackFrom !== undefined ? t('queue.handedBack', { name: props.item.handbackFrom }) : t('queue.portal', { name: props.item.portalName })}
        </span>
      </div>
      <p class="queue__problem">{props.item.problem}</p>
      <For each={Object.entries(props.item.fields)}>{([, value]) => <p class="queue__field">{value}</p>}</For>
      <Show when={props.item.details.length > 0}>
        <ul class="queue__details">
          <For each={props.item.details}>{(detail) => <li>{detail}</li>}</For>
        </ul>
      </Show>
      <Show when={props.item.claimedBy.length > 0}>
        <p class="hint">{props.item.mine ? t('queue.taking') : t('queue.claimed', { names: props.item.claimedBy.join(', ') })}</p>
      </Show>
      <div class="queue__actions">
        <button type="button" class="button button--primary" disabled={busy() || props.item.mine} onClick={() => run(() => queue.take(props.item))}>
          {t('queue.take')}
        </button>
        <Show when={props.item.handbackFrom === undefined}>
          <button type="button" class="button" disabled={busy()} onClick={() => run(() => queue.reject(props.item, false))}>
            {t('queue.reject')}
          </button>
          <button type="button" class="button" disabled={busy()} onClick={() => run(() => queue.reject(props.item, true))}>
            {t('queue.spam')}
          </button>
        </Show>
      </div>
    </li>
  )
}

/** The queue of the rep's portals and of sessions handed back to the team; hidden while there is neither (`shown`, which also loads this chunk: RepConsole.tsx). */
export function QueuePanel(props: { shown: boolean }) {
  const { queue } = useConsole()
  const arrivalText = () => {
    const fresh = queue.arrivals()
    return fresh.length === 0 ? '' : tn('queue.arrived', fresh.length, { name: fresh[0]?.customerName ?? '' })
  }
  const numbers = () => queue.numbers()
  return (
    <Show when={props.shown}>
      <section class="queue" aria-labelledby="queue-title">
        <h2 id="queue-title" class="queue__title">
          {t('queue.title')}
        </h2>
        <p class="visually-hidden" role="status" aria-live="polite">
          {arrivalText()}
        </p>
        <Show when={queue.outcomes()[0]}>{(outcome) => <p role="status" class="queue__outcome">{outcomeText(outcome())}</p>}</Show>
        <Show when={queue.items().length > 0} fallback={<p class="hint">{t('queue.empty')}</p>}>
          <ul class="queue__list" aria-labelledby="queue-title">
            <For each={queue.items()}>{(item) => <Request item={item} />}</For>
          </ul>
        </Show>
        <dl class="queue__numbers" aria-label={t('queue.numbers')}>
          <div>
            <dt>{t('queue.waitingNow')}</dt>
            <dd>{numbers().waiting}</dd>
          </div>
          <div>
            <dt>{t('queue.medianWait')}</dt>
            <dd>{numbers().medianWaitMs === undefined ? t('queue.none') : formatDuration(Math.round((numbers().medianWaitMs ?? 0) / 1000))}</dd>
          </div>
          <div>
            <dt>{t('queue.takenToday')}</dt>
            <dd>{numbers().takenTodayNamed.length === 0 ? t('queue.none') : numbers().takenTodayNamed.map((row) => `${row.name}: ${row.count}`).join(', ')}</dd>
          </div>
        </dl>
      </section>
    </Show>
  )
}
