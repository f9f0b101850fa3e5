/** The customer's page at the join link: intake, then the chat over the customer doc. */
import { For, Match, Show, Switch, createSignal } from 'solid-js'
import { createCustomerSession } from '../../app/customer/customerSession'
import { useApp } from '../../app/shell/appContext'
import { openInNewTab } from '../../app/customer/pushedUrls'
import { createVisibleTranscript, endedByRep } from '../../app/customer/visibleTranscript'
import { IntakeForm } from './IntakeForm'
import { Transcript } from '../session/Transcript'
import { Composer } from '../session/Composer'
import { ConnectionStatus } from '../shell/ConnectionStatus'
import { LanguagePicker } from '../shell/LanguagePicker'
import { TypingIndicator } from '../session/TypingIndicator'
import { CustomerLinkBanner } from '../session/CustomerLinkBanner'
import { saveCustomerChatLog } from '../../app/customer/customerChatLog'
import { createCustomerScreen } from '../../app/tools/screenShare'
import { ScreenShareRequest } from './ScreenShareRequest'
import { createCustomerFileTransfers } from '../../app/tools/fileTransfer'
import { createCustomerCredentials } from '../../app/tools/credentials'
import { CredentialsRequestDialog } from './CredentialsRequestDialog'
import { FileDropZone, FileTransferArea, type FileSending } from '../tools/FileTransferArea'
import type { EntryWay } from '../../doc/portal'
import { lang, t } from '../../i18n/i18n'

/** The customer page for one session. */
export function CustomerPage(props: { sessionId: string; sessionKey: string; via?: EntryWay; authority?: string }) {
  const app = useApp()
  const session = createCustomerSession(app.hub, props.sessionId, props.sessionKey, props.via, props.authority)
  // Only what verified: reps' entries against the link's session key, the customer's own against its device key.
  const visible = createVisibleTranscript(session.doc, session.trust)
  const entries = visible.entries
  const hidden = () => (session.trust.verifiable ? visible.hidden() : 0)
  const screen = createCustomerScreen(session.doc, () => session.connection(), session.identity)
  const files = createCustomerFileTransfers(session.doc, () => session.connection(), session.identity)
  let fileSending: FileSending | undefined
  const credentials = createCustomerCredentials(session.doc, session.identity)
  const [draft, setDraft] = createSignal('')
  const ended = () => endedByRep(entries(), session.trust)
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
            <Show when={!session.trust.verifiable}>
              <p class="banner" role="alert">{t('customer.unverifiedLink')}</p>
            </Show>
            <Show when={hidden() > 0}>
              <p class="banner" role="status" data-unverified-hidden={hidden()}>{t('customer.hiddenUnverified', { count: hidden() })}</p>
            </Show>
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
