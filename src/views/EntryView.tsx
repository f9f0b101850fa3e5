/** One transcript entry: a chat message or a status note, rendered as text (never as HTML). */
import { Show } from 'solid-js'
import type { Entry } from '../doc/entry'
import { formatDateTime, formatTime, t, type MessageKey } from '../i18n/i18n'

const STATUS_KEYS: Record<NonNullable<Entry['event']>, MessageKey> = {
  sessionStarted: 'status.sessionStarted',
  joined: 'status.joined',
  left: 'status.left',
  ended: 'status.ended',
}

/** Renders one entry; `selfId` marks the viewer's own messages. */
export function EntryView(props: { entry: Entry; selfId: string | undefined }) {
  const mine = () => props.entry.authorId === props.selfId
  const author = () => (mine() ? t('entry.you') : props.entry.authorName)
  return (
    <article
      class="entry"
      classList={{ 'entry--mine': mine() && props.entry.kind === 'chat', 'entry--status': props.entry.kind === 'status', 'entry--reps': props.entry.audience === 'reps' }}
      data-kind={props.entry.kind}
      data-audience={props.entry.audience}
      data-entry-id={props.entry.id}
    >
      <Show
        when={props.entry.kind === 'chat'}
        fallback={
          <p class="entry__status">
            {t(STATUS_KEYS[props.entry.event ?? 'joined'], { name: props.entry.text })}{' '}
            <time dateTime={new Date(props.entry.at).toISOString()} title={formatDateTime(props.entry.at)}>
              {formatTime(props.entry.at)}
            </time>
          </p>
        }
      >
        <header class="entry__meta">
          <span class="entry__author">{author()}</span>{' '}
          <time dateTime={new Date(props.entry.at).toISOString()} title={formatDateTime(props.entry.at)}>
            {formatTime(props.entry.at)}
          </time>
        </header>
        <p class="entry__text">{props.entry.text}</p>
      </Show>
    </article>
  )
}
