/**
 * One session in the rep console: toolbar and menu, the chat box over the
 * rep doc's transcript (headed by the details), and the session panel. It
 * renders the session's model (useSession); the model owns every piece of
 * state, so switching tabs (which unmounts this view) loses nothing.
 */
import { Show, createSignal, onCleanup, onMount } from 'solid-js'
import { useApp, useConsole, useSession } from '../../app/shell/appContext'
import { FileDropZone, FileTransferArea, type FileSending } from '../tools/FileTransferArea'
import { Transcript } from './Transcript'
import { Composer } from './Composer'
import { SessionToolbar } from './SessionToolbar'
import { sessionTools } from './sessionTools'
import { SessionPanel } from './SessionPanel'
import { DetailsList } from './DetailsList'
import { TypingIndicator } from './TypingIndicator'
import { SessionBanners } from './SessionBanners'
import { JoinInfo } from './JoinInfo'
import { SessionDialogs, type DialogName } from './SessionDialogs'
import { FindBar } from './FindBar'
import { CoverWhenSnapshot } from './lazySnapshot'
import { useShortcuts } from '../shell/shortcuts'
import { createMediaQuery } from '../shell/mediaQuery'
import { lang, t } from '../../i18n/i18n'

/** The chat box of the session in context. */
export function SessionView() {
  const prefs = useApp().prefs
  const session = useSession()
  const workspace = useConsole().workspace
  const [dialog, setDialog] = createSignal<DialogName>()
  onMount(() => session.setOnScreen(true))
  onCleanup(() => session.setOnScreen(false))
  const [slashQuery, setSlashQuery] = createSignal<string>()
  let messageBox: HTMLTextAreaElement | undefined
  let fileSending: FileSending | undefined
  // Below 720 px the panel is a drawer over the chat: it starts closed there, and opening it is not the desktop preference.
  const narrow = createMediaQuery('(max-width: 720px)')
  const panelOpen = () => session.view.panelOpen() ?? (narrow() ? false : prefs.prefs.panelOpen)
  const panelToggle = (): void => {
    const open = !panelOpen()
    session.view.setPanelOpen(open)
    if (!narrow()) prefs.update({ panelOpen: open })
  }
  const find = session.view.find
  let findReturn: HTMLElement | undefined
  const openFind = (): void => {
    if (find.open()) {
      document.querySelector<HTMLInputElement>('.findbar__box')?.select()
      return
    }
    findReturn = document.activeElement instanceof HTMLElement ? document.activeElement : undefined
    find.setOpen(true)
  }
  /** No other rep the customer can see is online: hiding would leave the customer alone. */
  const onlyVisibleRep = () => !session.attendees().some((attendee) => attendee.role === 'rep' && !attendee.hidden && attendee.id !== session.selfId() && session.presence.online().has(attendee.id))
  const tools = () =>
    sessionTools(
      { ended: session.ended(), hidden: session.hidden(), spellCheck: prefs.prefs.spellCheck },
      {
        open: setDialog,
        toggleSpellCheck: () => prefs.update({ spellCheck: !prefs.prefs.spellCheck }),
        nextFontSize: () => prefs.update({ fontSize: prefs.nextFontSize(prefs.prefs.fontSize) }),
        toggleHidden: () => {
          if (session.hidden() || !onlyVisibleRep() || window.confirm(t('hide.onlyVisibleConfirm'))) void session.setHidden(!session.hidden())
        },
        sendFile: () => fileSending?.pick(),
        requestCredentials: () => void session.requestCredentials(),
        requestScreen: () => session.requestScreen(),
        find: openFind,
      },
    )
  const onDraftChange = (text: string): void => {
    session.view.setDraft(text)
    const slash = /^\/(\S*)$/.exec(text)
    if (slash) {
      setSlashQuery(slash[1] ?? '')
      setDialog('scriptedMessage')
    }
  }
  useShortcuts((shortcut) => {
    if (shortcut === 'find') {
      openFind()
      return true
    }
    if (session.ended()) return false
    if (shortcut === 'focusComposer') messageBox?.focus()
    else if (shortcut === 'toggleRepsOnly') session.setAudience(session.audience() === 'reps' ? 'all' : 'reps')
    else if (shortcut === 'togglePanel') panelToggle()
    else if (shortcut === 'scriptedMessage') setDialog('scriptedMessage')
    else return false
    return true
  })

  return (
    <section class="session" style={{ '--font-size': `${prefs.prefs.fontSize / 100}rem` }}>
      <SessionToolbar tools={tools()} font={{ sizes: prefs.limits.fontSizes, get size() { return prefs.prefs.fontSize }, set: (fontSize) => prefs.update({ fontSize }) }} />
      <p class="visually-hidden" role="status">{t('tools.fontSizeValue', { size: prefs.prefs.fontSize })}</p>
      <div class="session__body">
        <div class="session__chat">
          <JoinInfo />
          <SessionBanners />
          <Show when={find.open()}>
            <FindBar find={find} entries={session.entries()} selfId={session.selfId()} onClose={() => (findReturn?.isConnected ? findReturn : messageBox)?.focus()} />
          </Show>
          <CoverWhenSnapshot rows={workspace.snapshot(session.sessionId)} lastId={() => session.entries().at(-1)?.id} selfId={session.selfId()} onUncovered={() => workspace.releaseSnapshot(session.sessionId)}>
            <Transcript
              entries={session.entries()}
              selfId={session.selfId()}
              viewer="rep"
              header={() => <DetailsList details={session.details()} class="details--header" />}
              deliveryOf={(entry) => session.deliveryOf(entry)}
              scroll={session.view.scroll}
              onScrollSave={(scroll) => (session.view.scroll = scroll)}
              find={find.open() ? { query: find.query().trim(), currentId: find.currentId() } : undefined}
              files={session.files}
            />
          </CoverWhenSnapshot>
          <TypingIndicator names={session.presence.typingNames()} />
          <FileTransferArea transfers={session.files} bind={(api) => (fileSending = api)} />
          <Show
            when={!session.ended()}
            fallback={
              <p class="banner" role="status">
                {t('end.ended')}{' '}
                <button type="button" class="button" aria-describedby={`close-hint-${session.sessionId}`} onClick={() => void session.close()}>
                  {t('end.close')}
                </button>{' '}
                <span id={`close-hint-${session.sessionId}`} class="hint">{t('end.closeHint')}</span>
              </p>
            }
          >
            <FileDropZone onFile={(file) => fileSending?.send(file)}>
              <Composer
                draft={session.view.draft()}
                onDraftChange={onDraftChange}
                onSend={(text) => session.send(text)}
                onTyping={(on) => session.setTyping(on)}
                lang={lang()}
                spellCheck={prefs.prefs.spellCheck}
                audience={session.audience()}
                onAudienceChange={(audience) => session.setAudience(audience)}
                audienceLocked={session.hidden()}
                boxRef={(box) => (messageBox = box)}
                onPasteFile={(file) => fileSending?.send(file)}
              />
            </FileDropZone>
          </Show>
        </div>
        <SessionPanel
          open={panelOpen()}
          onToggle={panelToggle}
          details={session.details()}
          attendees={session.attendees()}
          online={session.presence.online()}
          notes={session.notes}
          notesEditors={session.presence.notesEditors()}
          onEditingNotes={(editing) => session.presence.setEditingNotes(editing)}
          unverified={session.presence.unverified()}
          syncWaiting={session.syncWaiting()}
          screen={{ stream: session.screen.stream(), state: session.screen.state() }}
        />
      </div>
      <SessionDialogs
        open={dialog()}
        onOpen={setDialog}
        slashQuery={slashQuery()}
        onScriptChosen={(text) => {
          session.view.setDraft(text)
          setSlashQuery(undefined)
        }}
        messageBox={() => messageBox}
      />
    </section>
  )
}
