/** The collapsible right navigation (`Session panel`): Details, Attendees, Notes, Screen. */
import { For, Show } from 'solid-js'
import type { Attendee } from '../../doc/attendees'
import type { ExportDetails } from '../../doc/exportData'
import { DetailsList } from './DetailsList'
import { NotesEditor } from './NotesEditor'
import { lazyPart } from '../shell/lazyPart'
import type { ScreenState } from '../../doc/screenRequests'
import type * as Y from 'yjs'
import { t } from '../../i18n/i18n'

// Most sessions never share a screen: the Screen section's thumbnail and Viewer load with the first request or stream.
const ScreenPanel = lazyPart(() => import('../tools/ScreenPanel').then((module) => module.ScreenPanel), (props) => props.stream !== undefined || props.state !== undefined)

/** Props: panel state and the session's data. */
export interface SessionPanelProps {
  open: boolean
  onToggle: () => void
  details: ExportDetails
  attendees: Attendee[]
  online: Set<string>
  notes: Y.Text
  /** Names of other reps editing the notes now. */
  notesEditors: string[]
  onEditingNotes: (editing: boolean) => void
  /** Local notes / session-status changes no rep peer holds yet. */
  syncWaiting?: { notes: boolean; session: boolean }
  /** Live peers of the customer room that are neither the customer who joined nor a verified rep. */
  unverified?: { peerId: string; claimedName?: string }[]
  /** The customer's live screen while shared, and the newest request's state. */
  screen?: { stream: MediaStream | undefined; state: ScreenState | undefined }
}

/** The panel and its toggle (the arrow button). */
export function SessionPanel(props: SessionPanelProps) {
  return (
    <>
      <button type="button" class="panel-toggle" aria-expanded={props.open} aria-controls="session-panel" onClick={() => props.onToggle()}>
        <span aria-hidden="true">{props.open ? '⇥' : '⇤'}</span>
        <span class="visually-hidden">{props.open ? t('panel.hide') : t('panel.show')}</span>
      </button>
      <Show when={props.open}>
        <aside id="session-panel" class="panel" aria-label={t('panel.label')}>
          <section>
            <h2>{t('details.title')}</h2>
            <DetailsList details={props.details} />
          </section>
          <section>
            <h2>{t('panel.attendees')}</h2>
            <ul class="attendees" aria-label={t('panel.attendees')}>
              <For each={props.attendees}>
                {(attendee) => (
                  <li class="attendees__item" data-online={props.online.has(attendee.id)}>
                    <span role="img" aria-label={attendee.hidden ? t('panel.hidden') : t('panel.visible')} class="attendees__icon">
                      {attendee.hidden ? '◌' : '●'}
                    </span>
                    <span>{attendee.name}</span>
                    <span class="attendees__state">{props.online.has(attendee.id) ? t('panel.online') : t('panel.offline')}</span>
                  </li>
                )}
              </For>
              <For each={props.unverified ?? []}>
                {(peer) => (
                  <li class="attendees__item attendees__item--unverified" data-unverified="true" aria-describedby="unverified-help">
                    <span>{peer.claimedName === undefined ? t('panel.unverifiedAnonymous') : t('panel.unverifiedNamed', { name: peer.claimedName })}</span>
                  </li>
                )}
              </For>
            </ul>
            <Show when={(props.unverified ?? []).length > 0}>
              <p id="unverified-help" class="hint" role="alert">{t('panel.unverifiedHelp')}</p>
            </Show>
            <p role="status" class="hint sync-mark" data-waiting={props.syncWaiting?.session === true}>
              <Show when={props.syncWaiting?.session}>
                <span aria-hidden="true">◷ </span>
                {t('panel.sessionWaiting')}
              </Show>
            </p>
          </section>
          <section>
            <h2>{t('panel.notes')}</h2>
            <NotesEditor text={props.notes} editors={props.notesEditors} onEditing={(editing) => props.onEditingNotes(editing)} waiting={props.syncWaiting?.notes === true} />
          </section>
          <section>
            <h2>{t('panel.screen')}</h2>
            <Show when={props.screen?.stream !== undefined || props.screen?.state !== undefined} fallback={<p class="hint">{t('panel.screenEmpty')}</p>}>
              <ScreenPanel stream={props.screen?.stream} state={props.screen?.state} />
            </Show>
          </section>
        </aside>
      </Show>
    </>
  )
}
