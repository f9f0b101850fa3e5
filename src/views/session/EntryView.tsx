/** One transcript entry: a chat message, a pushed URL or a status note, rendered as text (never as HTML). */
import { Match, Show, Switch } from 'solid-js'
import type { Entry } from '../../doc/entry'
import type { DeliveryState } from '../../doc/receipts'
import { formatDateTime, formatTime, t, type MessageKey } from '../../i18n/i18n'

const STATUS_KEYS: Record<NonNullable<Entry['event']>, MessageKey> = {
  sessionStarted: 'status.sessionStarted',
  joined: 'status.joined',
  left: 'status.left',
  ended: 'status.ended',
  urlOpened: 'status.urlOpened',
  urlBlocked: 'status.urlBlocked',
  urlRefused: 'status.urlRefused',
  invited: 'status.invited',
  screenShared: 'status.screenShared',
  screenStopped: 'status.screenStopped',
  screenDeclined: 'status.screenDeclined',
  fileSent: 'status.fileSent',
  fileDeclined: 'status.fileDeclined',
  fileCancelled: 'status.fileCancelled',
  fileFailed: 'status.fileFailed',
  credentialsProvided: 'status.credentialsProvided',
  credentialsDeclined: 'status.credentialsDeclined',
}

/** On the page of the person a note is about (its author), the note says "You…". */
const MINE_KEYS: Partial<Record<NonNullable<Entry['event']>, MessageKey>> = {
  urlOpened: 'status.mine.urlOpened',
  urlBlocked: 'status.mine.urlBlocked',
  urlRefused: 'status.mine.urlRefused',
  screenShared: 'status.mine.screenShared',
  screenStopped: 'status.mine.screenStopped',
  screenDeclined: 'status.mine.screenDeclined',
  credentialsProvided: 'status.mine.credentialsProvided',
  credentialsDeclined: 'status.mine.credentialsDeclined',
  fileSent: 'status.mine.fileSent',
  fileDeclined: 'status.mine.fileDeclined',
  fileCancelled: 'status.mine.fileCancelled',
  fileFailed: 'status.mine.fileFailed',
}

const DELIVERY: Record<DeliveryState, { key: MessageKey; glyph: string }> = {
  outbox: { key: 'entry.delivery.outbox', glyph: '◷' },
  sent: { key: 'entry.delivery.sent', glyph: '✓' },
  delivered: { key: 'entry.delivery.delivered', glyph: '✓✓' },
  seen: { key: 'entry.delivery.seen', glyph: '◉' },
}

function Stamp(props: { at: number }) {
  return (
    <time dateTime={new Date(props.at).toISOString()} title={formatDateTime(props.at)}>
      {formatTime(props.at)}
    </time>
  )
}

/** Renders one entry; `selfId` marks the viewer's own messages. */
export function EntryView(props: { entry: Entry; selfId: string | undefined; viewer: 'rep' | 'customer'; delivery?: DeliveryState | undefined }) {
  const mine = () => props.entry.authorId === props.selfId
  const author = () => (mine() ? t('entry.you') : props.entry.authorName)
  const statusText = () => {
    const event = props.entry.event ?? 'joined'
    const key = (mine() ? MINE_KEYS[event] : undefined) ?? STATUS_KEYS[event]
    return t(key, { name: props.entry.text, author: props.entry.authorName })
  }
  return (
    <article
      class="entry"
      classList={{ 'entry--mine': mine() && props.entry.kind !== 'status', 'entry--status': props.entry.kind === 'status', 'entry--reps': props.entry.audience === 'reps' }}
      data-kind={props.entry.kind}
      data-audience={props.entry.audience}
      data-entry-id={props.entry.id}
      data-delivery={props.delivery}
    >
      <Switch>
        <Match when={props.entry.kind === 'status'}>
          <p class="entry__status">
            {statusText()} <Stamp at={props.entry.at} />
            <Show when={props.entry.audience === 'reps'}>
              <span class="entry__audience">{t('entry.repsOnly')}</span>
            </Show>
          </p>
        </Match>
        <Match when={true}>
          <header class="entry__meta">
            <span class="entry__author">{author()}</span> <Stamp at={props.entry.at} />
            <Show when={props.entry.audience === 'reps'}>
              <span class="entry__audience">{t('entry.repsOnly')}</span>
            </Show>
            <Show when={props.delivery}>
              {(state) => (
                <span class="entry__delivery" data-state={state()}>
                  <span aria-hidden="true">{DELIVERY[state()].glyph} </span>
                  {t(DELIVERY[state()].key)}
                </span>
              )}
            </Show>
          </header>
          <Show when={props.entry.kind === 'url'} fallback={<p class="entry__text">{props.entry.text}</p>}>
            <p class="entry__text">
              {props.viewer === 'customer' ? t('customer.linkPushed') : t('entry.urlPushed')}{' '}
              <a href={props.entry.text} target="_blank" rel="noopener noreferrer">
                {props.entry.text}
              </a>
            </p>
          </Show>
        </Match>
      </Switch>
    </article>
  )
}
