/** The customer's page at the join link: intake, then the chat over the customer doc. */
import { For, Match, Show, Suspense, Switch, lazy, onMount } from 'solid-js'
import { useCustomerSession } from '../../app/shell/appContext'
import { IntakeForm } from './IntakeForm'
import { CustomerTranscript } from './CustomerTranscript'
import { Composer } from '../session/Composer'
import { CustomerConnection } from './CustomerConnection'
import { LanguagePicker } from '../shell/LanguagePicker'
import { TypingIndicator } from '../session/TypingIndicator'
import { CustomerLinkBanner } from './CustomerLinkBanner'
import { makeRequestDialogs } from './requestDialogs'
import { FileDropZone, FileTransferArea, type FileSending } from '../tools/FileTransferArea'
import { lang, prepareFormats, t } from '../../i18n/i18n'
import { formatBytes } from '../../i18n/format'
import { CustomerHeading } from './CustomerHeading'
import { useShortcuts } from '../shell/shortcuts'
import { createUnreadCount } from './unreadCount'
import { useUnreadTitle } from '../shell/pageTitle'

// Shown only when asked for (find) or at the end (rating): fetched then, not with the page (issue 20, bundles).
const FindBar = lazy(() => import('../session/FindBar').then((module) => ({ default: module.FindBar })))
const RatingForm = lazy(() => import('./RatingForm').then((module) => ({ default: module.RatingForm })))
// Fetched when a rep's request first arrives (requestDialogs.ts).
const { ScreenShareRequest, CredentialsRequestDialog } = makeRequestDialogs()

/** The customer page of the session in context. */
export function CustomerPage() {
  const session = useCustomerSession()
  useUnreadTitle(createUnreadCount(() => session.entries(), () => session.identity()?.customerId))
  let fileSending: FileSending | undefined
  let findReturn: HTMLElement | undefined
  const openFind = (): void => {
    if (session.find.open()) return document.querySelector<HTMLInputElement>('.findbar__box')?.select()
    findReturn = document.activeElement instanceof HTMLElement ? document.activeElement : undefined
    session.find.setOpen(true)
  }
  // Intl's formatters are built while the customer reads the intake form, not when the transcript first shows.
  onMount(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(prepareFormats, { timeout: 2000 }) : setTimeout(prepareFormats, 0)))
  useShortcuts((shortcut) => {
    if (shortcut !== 'find' || session.phase() !== 'chat') return false
    openFind()
    return true
  })
  return (
    <div class="customer">
      <header class="topbar">
        <span class="topbar__brand">{t('customer.title')}</span>
        <span class="topbar__spacer" />
        <LanguagePicker />
        <CustomerConnection state={session.linkState()} />
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
            <IntakeForm onStart={(values) => session.start(values)} systemInfo={() => session.systemInfo()} />
          </Match>
          <Match when={session.phase() === 'chat'}>
            <CustomerHeading name={session.repName()} verified={session.verifiable} />
            <div class="customer__actions">
              <CustomerLinkBanner />
              <button type="button" class="button" onClick={() => session.saveChatLog()}>
                {t('customer.saveLog')}
              </button>
              <button type="button" class="button" onClick={() => fileSending?.pick()}>
                {t('files.sendTool')}
              </button>
              <button type="button" class="button" onClick={openFind}>
                {t('find.tool')}
              </button>
            </div>
            <ScreenShareRequest screen={session.screen} />
            <CredentialsRequestDialog credentials={session.credentials} />
            <FileTransferArea transfers={session.files} bind={(api) => (fileSending = api)} />
            <For each={session.blockedUrls()}>
              {(blocked) => (
                <p class="banner banner--action" role="status">
                  {t('customer.linkPushed')} <span class="banner__url">{blocked.url}</span>{' '}
                  <button type="button" class="button button--primary" onClick={() => session.openLink(blocked.url)}>
                    {t('customer.openLink')}
                  </button>
                </p>
              )}
            </For>
            <Show when={!session.verifiable}>
              <p class="banner" role="alert">{t('customer.unverifiedLink')}</p>
            </Show>
            <Show when={session.storageFull()}>
              {(max) => (
                <p class="banner" role="status" data-storage="sessionFull">
                  {t('storage.customerFull', { max: formatBytes(max()) })}
                </p>
              )}
            </Show>
            <Show when={session.hiddenUnverified() > 0}>
              <p class="banner" role="status" data-unverified-hidden={session.hiddenUnverified()}>{t('customer.hiddenUnverified', { count: session.hiddenUnverified() })}</p>
            </Show>
            <Show when={session.find.open()}>
              <Suspense>
                <FindBar find={session.find} entries={session.entries()} selfId={session.identity()?.customerId} onClose={() => findReturn?.focus()} />
              </Suspense>
            </Show>
            <CustomerTranscript
              find={session.find.open() ? { query: session.find.query().trim(), currentId: session.find.currentId() } : undefined}
              entries={session.entries()}
              selfId={session.identity()?.customerId}
              deliveryOf={(entry) => session.deliveryOf(entry)}
              files={session.files}
            />
            <TypingIndicator names={session.presentReps().filter((rep) => rep.typing).map((rep) => rep.name)} />
            <Show
              when={!session.ended()}
              fallback={
                <>
                  <p class="banner" role="status">{t('customer.ended')}</p>
                  <Suspense>
                    <RatingForm rating={session.rating()} onRate={(rating) => session.rate(rating)} />
                  </Suspense>
                </>
              }
            >
              <FileDropZone onFile={(file) => fileSending?.send(file)}>
                <Composer draft={session.draft()} onDraftChange={session.setDraft} onSend={(text) => session.send(text)} onTyping={(on) => session.setTyping(on)} lang={lang()} onPasteFile={(file) => fileSending?.send(file)} />
              </FileDropZone>
            </Show>
          </Match>
        </Switch>
      </main>
    </div>
  )
}
