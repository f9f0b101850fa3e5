/** The rep console: first-run profile, then session tabs and the chat box of the session in front. */
import { For, Match, Show, Switch } from 'solid-js'
import { createRepWorkspace } from '../app/repWorkspace'
import { useApp } from '../app/appContext'
import { ProfileForm } from './ProfileForm'
import { SessionView } from './SessionView'
import { ConnectionStatus } from './ConnectionStatus'
import { LanguagePicker } from './LanguagePicker'
import { t } from '../i18n/i18n'

/** The console page. */
export function RepConsole() {
  const app = useApp()
  const workspace = createRepWorkspace(app.hub)
  const tabLabel = (name: string) => (name === '' ? t('console.waiting') : name)
  return (
    <div class="console">
      <header class="topbar">
        <span class="topbar__brand">{t('appName')}</span>
        <Show when={workspace.profile()}>{(profile) => <span class="topbar__who">{t('console.signedInAs', { name: profile().name })}</span>}</Show>
        <span class="topbar__spacer" />
        <LanguagePicker />
        <ConnectionStatus state={app.hub.status()} peers={app.hub.peers()} />
      </header>
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
        <Match when={workspace.phase() === 'ready'}>
          <main class="page">
            <div class="toolbar-row">
              <button type="button" class="button button--primary" onClick={() => void workspace.newSession()}>
                {t('console.newSession')}
              </button>
            </div>
            <Show when={workspace.tabs().length > 0} fallback={<p class="hint">{t('console.noSessions')}</p>}>
              <div role="tablist" aria-label={t('console.sessions')} class="tabs">
                <For each={workspace.tabs()}>
                  {(tab) => (
                    <button
                      type="button"
                      role="tab"
                      id={`tab-${tab.sessionId}`}
                      class="tabs__tab"
                      aria-selected={workspace.activeId() === tab.sessionId}
                      aria-controls={`panel-${tab.sessionId}`}
                      tabindex={workspace.activeId() === tab.sessionId ? 0 : -1}
                      onClick={() => workspace.select(tab.sessionId)}
                    >
                      {tabLabel(tab.customerName)}
                    </button>
                  )}
                </For>
              </div>
              <Show when={workspace.activeId()} keyed>
                {(sessionId) => (
                  <Show when={workspace.session(sessionId)} keyed>
                    {(session) => (
                      <div role="tabpanel" id={`panel-${sessionId}`} aria-labelledby={`tab-${sessionId}`}>
                        <SessionView session={session} profile={workspace.profile()} workspace={workspace} />
                      </div>
                    )}
                  </Show>
                )}
              </Show>
            </Show>
          </main>
        </Match>
      </Switch>
    </div>
  )
}
