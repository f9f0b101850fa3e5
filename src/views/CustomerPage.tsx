/** The customer's page at the join link: intake, then the chat over the customer doc. */
import { Match, Switch } from 'solid-js'
import { createCustomerSession } from '../app/customerSession'
import { createTranscript } from '../app/createTranscript'
import { useApp } from '../app/appContext'
import { IntakeForm } from './IntakeForm'
import { Transcript } from './Transcript'
import { Composer } from './Composer'
import { ConnectionStatus } from './ConnectionStatus'
import { LanguagePicker } from './LanguagePicker'
import { lang, t } from '../i18n/i18n'

/** The customer page for one session. */
export function CustomerPage(props: { sessionId: string; sessionKey: string }) {
  const app = useApp()
  const session = createCustomerSession(app.hub, props.sessionId, props.sessionKey)
  const entries = createTranscript(session.doc)
  const banner = () =>
    app.hub.status() === 'offline' ? t('customer.offline') : app.hub.peers() > 0 ? t('customer.connected') : t('customer.connecting')
  return (
    <div class="customer">
      <header class="topbar">
        <span class="topbar__brand">{t('customer.title')}</span>
        <span class="topbar__spacer" />
        <LanguagePicker />
        <ConnectionStatus state={app.hub.status()} peers={app.hub.peers()} />
      </header>
      <main class="page page--narrow">
        <Switch>
          <Match when={session.phase() === 'loading'}>
            <p aria-busy="true">{t('loading')}</p>
          </Match>
          <Match when={session.phase() === 'failed'}>
            <p role="alert" class="error">{t('error.generic', { message: session.error() ?? '' })}</p>
          </Match>
          <Match when={session.phase() === 'unsupported'}>
            <p role="alert" class="error">{t('customer.newerVersion')}</p>
          </Match>
          <Match when={session.phase() === 'intake'}>
            <IntakeForm onStart={(values) => session.start(values)} />
          </Match>
          <Match when={session.phase() === 'chat'}>
            <p class="banner" data-state={app.hub.status()}>{banner()}</p>
            <Transcript entries={entries()} selfId={session.identity()?.customerId} />
            <Composer onSend={(text) => session.send(text)} lang={lang()} />
          </Match>
        </Switch>
      </main>
    </div>
  )
}
