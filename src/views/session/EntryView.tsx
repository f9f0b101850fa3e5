/** One transcript entry: a chat message, a pushed URL or a status note, rendered as text (never as HTML). */
import { Match, Show, Suspense, Switch, createMemo, lazy } from 'solid-js'
import type { Entry } from '../../doc/entry'
import type { DeliveryState } from '../../doc/receipts'
import { MarkedText, RichText } from './RichText'
import { richParser } from './richLoader'
import { statusNoteText } from './entryText'
import type { FileTransfers } from '../../app/tools/fileTransfer'
import { formatDateTime, formatTime, t, type MessageKey } from '../../i18n/i18n'

// Only a page with transfers shows a file card: its code is fetched with the first (issue 20, bundles).
const FileOfferEntry = lazy(() => import('../tools/FileOfferEntry').then((module) => ({ default: module.FileOfferEntry })))

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

/** A chat message's text: rich once the parser has loaded, plain text until then. */
function MessageText(props: { text: string; highlight: string | undefined }) {
  const rich = createMemo(() => richParser()?.(props.text))
  return (
    <Show when={rich()} fallback={<p class="entry__text"><MarkedText text={props.text} highlight={props.highlight} /></p>}>
      {(blocks) => <RichText blocks={blocks()} highlight={props.highlight} />}
    </Show>
  )
}

/** Props of one entry's view. */
export interface EntryViewProps {
  entry: Entry
  /** Marks the viewer's own messages. */
  selfId: string | undefined
  viewer: 'rep' | 'customer'
  delivery?: DeliveryState | undefined
  /** The Find query: its matches in the text are marked. */
  highlight?: string | undefined
  /** This entry holds the current Find match. */
  current?: boolean
  /** This page's file transfers: a file offer note shows its transfer inline (Accept / Decline, progress, Save, a received image's preview). */
  files?: FileTransfers | undefined
}

/** Renders one entry. */
export function EntryView(props: EntryViewProps) {
  const mine = () => props.entry.authorId === props.selfId
  const author = () => (mine() ? t('entry.you') : props.entry.authorName)
  const statusText = () => statusNoteText(props.entry, mine())
  return (
    <article
      class="entry"
      classList={{ 'entry--mine': mine() && props.entry.kind !== 'status', 'entry--status': props.entry.kind === 'status', 'entry--reps': props.entry.audience === 'reps' }}
      data-kind={props.entry.kind}
      data-audience={props.entry.audience}
      data-entry-id={props.entry.id}
      data-delivery={props.delivery}
      data-find={props.current ? 'current' : undefined}
      aria-current={props.current ? 'true' : undefined}
    >
      <Switch>
        <Match when={props.entry.kind === 'status'}>
          <p class="entry__status">
            <MarkedText text={statusText()} highlight={props.highlight} /> <Stamp at={props.entry.at} />
            <Show when={props.entry.audience === 'reps'}>
              <span class="entry__audience">{t('entry.repsOnly')}</span>
            </Show>
          </p>
          <Show when={props.entry.event === 'fileOffered' && props.files?.list().length ? props.files : undefined}>
            {(files) => (
              <Suspense>
                <FileOfferEntry note={props.entry} transfers={files()} selfId={props.selfId} />
              </Suspense>
            )}
          </Show>
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
          <Show when={props.entry.kind === 'url'} fallback={<MessageText text={props.entry.text} highlight={props.highlight} />}>
            <p class="entry__text">
              {props.viewer === 'customer' ? t('customer.linkPushed') : t('entry.urlPushed')}{' '}
              <a href={props.entry.text} target="_blank" rel="noopener noreferrer">
                <MarkedText text={props.entry.text} highlight={props.highlight} />
              </a>
            </p>
          </Show>
        </Match>
      </Switch>
    </article>
  )
}
