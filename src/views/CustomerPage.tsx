/** The customer's page at the join link: intake, then the chat over the customer doc. */
import { For, Match, Show, Switch, createSignal } from 'solid-js'
import { createCustomerSession } from '../app/customerSession'
import { createTranscript } from '../app/createTranscript'
import { useApp } from '../app/appContext'
import { openInNewTab } from '../app/pushedUrls'
import { IntakeForm } from './IntakeForm'
import { Transcript } from './Transcript'
import { Composer } from './Composer'
import { ConnectionStatus } from './ConnectionStatus'
import { LanguagePicker } from './LanguagePicker'
import { TypingIndicator } from './TypingIndicator'
import { CustomerLinkBanner } from './CustomerLinkBanner'
import { saveCustomerChatLog } from '../app/customerChatLog'
import { createCustomerScreen } from '../app/screenShare'
import { ScreenShareRequest } from './ScreenShareRequest'
import { createCustomerFileTransfers } from '../app/fileTransfer'
import { createCustomerCredentials } from '../app/credentials'
import { CredentialsRequestDialog } from './CredentialsRequestDialog'
import { FileDropZone, FileTransferArea, type FileSending } from './FileTransferArea'
import type { EntryWay } from '../doc/portal'
import { lang, t } from '../i18n/i18n'

/** The customer page for one session. */
export function CustomerPage(props: { sessionId: string; sessionKey: string; via?: EntryWay }) {
  const app = useApp()
  const session = createCustomerSession(app.hub, props.sessionId, props.sessionKey, props.via)
  const entries = createTranscript(session.doc)
  const screen = createCustomerScreen(session.doc, () => session.connection(), session.identity)
  const files = createCustomerFileTransfers(session.doc, () => session.connection(), session.identity)
  let fileSending: FileSending | undefined
  const credentials = createCustomerCredentials(session.doc, session.identity)
  const [draft, setDraft] = createSignal('')
  const ended = () => entries().some((entry) => entry.event === 'ended')
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
            <div class="customer__actions">
              <CustomerLinkBanner />
              <button type="button" class="button" onClick={() => saveCustomerChatLog(session.doc)}>
                {t('customer.saveLog')}
              </button>
              <button type="button" class="button" onClick={() => fileSending?.pick()}>
                {t('files.sendTool')}
              </button>
            </div>
            <ScreenShareRequest screen={screen} />
            <CredentialsRequestDialog credentials={credentials} />
            <FileTransferArea transfers={files} bind={(api) => (fileSending = api)} />
            <For each={session.blockedUrls()}>
              {(blocked) => (
                <p class="banner banner--action" role="status">
                  {t('customer.linkPushed')} <span class="banner__url">{blocked.url}</span>{' '}
                  <button type="button" class="button button--primary" onClick={() => openInNewTab(blocked.url)}>
                    {t('customer.openLink')}
                  </button>
                </p>
              )}
            </For>
            <Transcript
              entries={entries()}
              selfId={session.identity()?.customerId}
              viewer="customer"
            />
            <TypingIndicator names={session.presentReps().filter((rep) => rep.typing).map((rep) => rep.name)} />
            <Show when={!ended()} fallback={<p class="banner" role="status">{t('customer.ended')}</p>}>
              <FileDropZone onFile={(file) => fileSending?.send(file)}>
                <Composer draft={draft()} onDraftChange={setDraft} onSend={(text) => session.send(text)} onTyping={(on) => session.setTyping(on)} lang={lang()} />
              </FileDropZone>
            </Show>
          </Match>
        </Switch>
      </main>
    </div>
  )
}
