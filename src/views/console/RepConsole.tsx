/** The rep console: first-run profile, then session tabs and the chat box of the session in front. */
import { Match, Show, Switch, createSignal, lazy } from 'solid-js'
import { SessionContext, useApp, useConsole } from '../../app/shell/appContext'
import { ProfileForm } from './ProfileForm'
import { SessionView } from '../session/SessionView'
import { LazyOpeningSession, prefetchSnapshotViews } from '../session/lazySnapshot'
import { ConnectionStatus } from '../shell/ConnectionStatus'
import { LanguagePicker } from '../shell/LanguagePicker'
import { SessionTabs } from './SessionTabs'
import { UpdatePrompt } from '../shell/UpdatePrompt'
import { formatBytes } from '../../i18n/format'
import { loadStrings, t } from '../../i18n/i18n'
import { useUnreadTitle } from '../shell/pageTitle'
import { lazyPart } from '../shell/lazyPart'

// #/history is its own chunk, with its strings: the console's first paint does not wait for them.
// (and the queue's: a past session from a portal says which one, `queue.portal`)
const HistoryView = lazy(() => Promise.all([import('../history/HistoryView'), loadStrings('history'), loadStrings('queue')]).then(([module]) => ({ default: module.HistoryView })))
// The topbar's dialogs load when first opened, with their strings (lazyPart.tsx); the console's first load does without them.
const TeamDialog = lazyPart(() => Promise.all([import('./TeamDialog'), loadStrings('dialogs')]).then(([module]) => module.TeamDialog), (props) => props.open)
const PortalsDialog = lazyPart(() => Promise.all([import('./PortalsDialog'), loadStrings('queue')]).then(([module]) => module.PortalsDialog), (props) => props.open)
// Invitations are rare: their banner loads with the first one.
const InvitationsBanner = lazyPart(() => Promise.all([import('./InvitationsBanner'), loadStrings('dialogs')]).then(([module]) => module.InvitationsBanner), (props) => props.workspace.invitations().length > 0)
// Most teams have no portal and nothing handed back: the Queue region and its strings load once there is something to show.
const QueuePanel = lazyPart(() => Promise.all([import('./QueuePanel'), loadStrings('queue')]).then(([module]) => module.QueuePanel), (props) => props.shown)
const PrefsDialog = lazyPart(() => Promise.all([import('../shell/PrefsDialog'), loadStrings('dialogs')]).then(([module]) => module.PrefsDialog), (props) => props.open)

/** The console page. */
export function RepConsole() {
  const app = useApp()
  const { workspace, tabs: sessionTabs, history, storageWarning, queue } = useConsole()
  const queueShown = () => queue.portals().length > 0 || queue.items().length > 0 || queue.outcomes().length > 0
  const historyOpen = () => app.route().page === 'history'
  const [prefsOpen, setPrefsOpen] = createSignal(false)
  const [teamOpen, setTeamOpen] = createSignal(false)
  const [portalsOpen, setPortalsOpen] = createSignal(false)
  useUnreadTitle(sessionTabs.totalUnread)
  if (workspace.reopensFront) prefetchSnapshotViews() // the tab in front last time reopens with its saved rows
  return (
    <div class="console">
      <header class="topbar">
        <h1 class="topbar__brand">{t('appName')}</h1>
        <Show when={workspace.profile()}>{(profile) => <span class="topbar__who">{t('console.signedInAs', { name: profile().name })}</span>}</Show>
        <span class="topbar__spacer" />
        <Show when={workspace.phase() === 'ready'}>
          <button type="button" class="button" aria-haspopup="dialog" onClick={() => setTeamOpen(true)}>
            {t('team.button')}
          </button>
          <button type="button" class="button" aria-haspopup="dialog" onClick={() => setPortalsOpen(true)}>
            {t('portals.button')}
          </button>
          <a class="button" href="#/history" aria-current={historyOpen() ? 'page' : undefined}>
            {t('history.open')}
          </a>
        </Show>
        <button type="button" class="button" aria-haspopup="dialog" onClick={() => setPrefsOpen(true)}>
          {t('prefs.open')}
        </button>
        <LanguagePicker />
        <ConnectionStatus state={app.connection.status()} peers={app.connection.peers()} />
      </header>
      <UpdatePrompt available={app.update.available()} onApply={() => app.update.apply()} />
      <Show when={storageWarning()}>
        {(info) => (
          <p class="banner error" role="alert">
            {t('storage.nearQuota', { used: formatBytes(info().usage), quota: formatBytes(info().quota) })}{' '}
            <a href="#/history">{t('history.open')}</a>
          </p>
        )}
      </Show>
      <Switch>
        <Match when={workspace.phase() === 'loading'}>
          <p class="page" aria-busy="true">{t('loading')}</p>
        </Match>
        <Match when={workspace.phase() === 'failed'}>
          <p class="page error" role="alert">{t('error.generic', { message: workspace.error() ?? '' })}</p>
        </Match>
        <Match when={workspace.phase() === 'needsProfile'}>
          <main class="page page--narrow">
            <ProfileForm onSave={(name) => workspace.createProfile(name)} />
          </main>
        </Match>
        <Match when={workspace.phase() === 'ready' && historyOpen()}>
          <HistoryView history={history} selfId={workspace.profile()?.repId} />
        </Match>
        <Match when={workspace.phase() === 'ready'}>
          <main class="page">
            <div class="toolbar-row">
              <button type="button" class="button button--primary" onClick={() => void workspace.newSession()}>
                {t('console.newSession')}
              </button>
            </div>
            <InvitationsBanner workspace={workspace} />
            <QueuePanel shown={queueShown()} />
            <Show when={workspace.tabs().length > 0} fallback={<p class="hint">{t('console.noSessions')}</p>}>
              <SessionTabs tabs={sessionTabs} />
              <Show when={workspace.activeId()} keyed>
                {(sessionId) => (
                  <Show when={workspace.model(sessionId)} keyed fallback={<LazyOpeningSession sessionId={sessionId} />}>
                    {(session) => (
                      <div role="tabpanel" id={`panel-${sessionId}`} aria-labelledby={`tab-${sessionId}`}>
                        <SessionContext.Provider value={session}>
                          <SessionView />
                        </SessionContext.Provider>
                      </div>
                    )}
                  </Show>
                )}
              </Show>
            </Show>
          </main>
        </Match>
      </Switch>
      <Show when={workspace.phase() === 'ready'}>
        <TeamDialog open={teamOpen()} onOpenChange={setTeamOpen} />
        <PortalsDialog open={portalsOpen()} onOpenChange={setPortalsOpen} />
      </Show>
      <PrefsDialog
        open={prefsOpen()}
        onOpenChange={setPrefsOpen}
        notificationPermission={sessionTabs.notificationPermission()}
        onEnableNotifications={() => void sessionTabs.enableNotifications()}
      />
    </div>
  )
}
