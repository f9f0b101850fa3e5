/**
 * One session in the rep console: toolbar and menu, the chat box over the
 * rep doc's transcript (headed by the details), and the session panel.
 */
import { For, Show, createEffect, createMemo, createSignal, onCleanup } from 'solid-js'
import type { RepSession } from '../../app/session/repSession'
import type { RepProfile, RepWorkspace } from '../../app/console/repWorkspace'
import { createTranscript } from '../../app/session/createTranscript'
import { createConnectionsReader, createDocReader, createFollowingReader } from '../../app/shell/createDocReader'
import { createScripts } from '../../app/session/createScripts'
import { sessionAction } from '../../app/console/sessionShortcuts'
import { customerLink } from '../../app/shell/routes'
import { useApp } from '../../app/shell/appContext'
import { nextFontSize } from '../../app/shell/prefsStore'
import { createSessionViewState, type SessionViewState } from '../../app/console/sessionViewState'
import { createRepScreen } from '../../app/tools/screenShare'
import { createRepFileTransfers } from '../../app/tools/fileTransfer'
import { createRepCredentials } from '../../app/tools/credentials'
import { CredentialsRevealDialog } from '../tools/CredentialsRevealDialog'
import { FileDropZone, FileTransferArea, type FileSending } from '../tools/FileTransferArea'
import { readRepSessionMeta } from '../../doc/session'
import { readIntake } from '../../doc/intake'
import { readExportDetails } from '../../doc/exportData'
import { readAttendees } from '../../doc/attendees'
import { deliveryState, readReceipts } from '../../doc/receipts'
import { notesText } from '../../doc/notes'
import { Transcript } from './Transcript'
import { Composer } from './Composer'
import { SessionToolbar } from './SessionToolbar'
import { sessionTools } from './sessionTools'
import { InviteDialog } from './InviteDialog'
import { ScriptedPicker } from '../scripts/ScriptedPicker'
import { ScriptLibrary } from '../scripts/ScriptLibrary'
import { readReps } from '../../doc/team'
import type { Audience } from '../../doc/entry'
import { SessionPanel } from './SessionPanel'
import { DetailsList } from './DetailsList'
import { PushUrlDialog } from './PushUrlDialog'
import { EndSessionDialog } from './EndSessionDialog'
import { HelpDialog } from '../shell/HelpDialog'
import { ExportDialog } from './ExportDialog'
import { TypingIndicator } from './TypingIndicator'
import { TamperWarnings } from './TamperWarnings'
import { unverifiedReps, watchTampering } from '../../app/session/tamperWatch'
import { ignoredCustomerAttendees, type Tampering } from '../../doc/tamper'
import { PortalCodeInfo } from './PortalCodeInfo'
import { lang, t } from '../../i18n/i18n'

type DialogName = 'push' | 'end' | 'help' | 'export' | 'invite' | 'transfer' | 'scriptedMessage' | 'scriptedUrl' | 'library'

/** The chat box of one session. */
export function SessionView(props: { session: RepSession; profile: RepProfile | undefined; workspace: RepWorkspace; viewState?: SessionViewState }) {
  const app = useApp()
  const prefs = app.prefs
  const repDoc = props.session.repDoc
  const entries = createTranscript(repDoc)
  const meta = createDocReader(repDoc, readRepSessionMeta)
  const intake = createDocReader(repDoc, (doc) => readIntake(doc, 'rep'))
  const details = createDocReader(repDoc, readExportDetails)
  const attendees = createDocReader(repDoc, readAttendees)
  const receipts = createDocReader(repDoc, readReceipts)
  const team = () => props.workspace.teamOf(props.session.sessionId)
  const teamReps = createFollowingReader(() => team()?.doc, readReps, [])
  const scripts = createMemo(() => {
    const doc = team()?.doc
    return doc ? createScripts(doc) : () => []
  })
  // The customer room comes and goes (Hide me / Show me): follow whichever connection is current.
  const [customerTick, setCustomerTick] = createSignal(0)
  createEffect(() => {
    const link = props.session.customer()
    if (link) onCleanup(link.connection.onChange(() => setCustomerTick((n) => n + 1)))
  })
  const customerPresence = createMemo(() => {
    customerTick()
    return props.session.customer()?.connection.onlineUsers() ?? []
  })
  const repPresence = createConnectionsReader(
    () => [props.session.repConnection],
    () => props.session.repConnection.onlineUsers(),
  )
  // A customer-side peer's forgeries, spoofed rep presence and floods: flagged, never taken as genuine.
  const [tampering, setTampering] = createSignal<Tampering[]>([])
  onCleanup(watchTampering(props.session.customerDoc, repDoc, setTampering))
  const ignoredAttendees = createDocReader(props.session.customerDoc, (doc) => ignoredCustomerAttendees(doc, repDoc))
  const spoofedReps = () => unverifiedReps(customerPresence(), new Set(repPresence().map((user) => user.id).concat(selfId() ?? []))).map((user) => user.name)
  const throttledAt = () => {
    customerTick()
    const times = [props.session.customer()?.connection.snapshot().throttledAt, props.session.repConnection.snapshot().throttledAt].filter((at) => at !== undefined)
    return times.length > 0 ? Math.max(...times) : undefined
  }
  const [dialog, setDialog] = createSignal<DialogName>()
  const screen = createRepScreen(props.session)
  const files = createRepFileTransfers(props.session, () => props.profile)
  let fileSending: FileSending | undefined
  const credentials = createRepCredentials(props.session)
  // Draft, scroll and panel state outlive this view (the console owns them), so a tab switch keeps them.
  const view = props.viewState ?? createSessionViewState()
  const { draft, setDraft } = view
  const panelOpen = () => view.panelOpen() ?? prefs.prefs.panelOpen
  const panelToggle = (): void => {
    const open = !panelOpen()
    view.setPanelOpen(open)
    prefs.update({ panelOpen: open })
  }
  const [audience, setAudience] = createSignal<Audience>('all')
  const [slashQuery, setSlashQuery] = createSignal<string>()
  let messageBox: HTMLTextAreaElement | undefined
  const ended = () => meta()?.state === 'ended'
  const sessionId = () => props.session.sessionId
  const selfId = () => props.profile?.repId
  const hidden = () => attendees().find((attendee) => attendee.id === selfId())?.hidden === true

  const everyone = createMemo(() => {
    const list = [...attendees()]
    const customer = intake()
    if (customer && !list.some((a) => a.id === customer.customerId)) list.unshift({ id: customer.customerId, name: customer.customerName, role: 'customer', hidden: false })
    return list
  })
  // Reps' presence comes from the rep room only: anyone with the customer key can claim to be a rep there.
  const online = createMemo(() => new Set([...customerPresence().filter((user) => user.role === 'customer'), ...repPresence()].map((user) => user.id).concat(selfId() ?? [])))
  const typing = () => customerPresence().filter((user) => user.role === 'customer' && user.typing)
  const candidates = () => teamReps().filter((rep) => rep.repId !== selfId() && !attendees().some((attendee) => attendee.id === rep.repId))
  const variables = (): Record<string, string> => ({
    'customer.name': intake()?.customerName ?? '',
    'customer.request': intake()?.request ?? '',
    'rep.name': props.profile?.name ?? '',
    'session.id': sessionId(),
  })

  const tools = () =>
    sessionTools(
      { ended: ended(), hidden: hidden(), spellCheck: prefs.prefs.spellCheck },
      {
        open: setDialog,
        toggleSpellCheck: () => prefs.update({ spellCheck: !prefs.prefs.spellCheck }),
        nextFontSize: () => prefs.update({ fontSize: nextFontSize(prefs.prefs.fontSize) }),
        toggleHidden: () => void props.workspace.setHidden(sessionId(), !hidden()),
        sendFile: () => fileSending?.pick(),
        requestCredentials: () => {
          if (props.profile) void credentials.request(props.profile)
        },
        requestScreen: () => {
          if (props.profile) screen.request(props.profile)
        },
      },
    )
  const dialogProps = (name: DialogName) => ({ open: dialog() === name, onOpenChange: (open: boolean) => setDialog(open ? name : undefined) })
  const onDraftChange = (text: string): void => {
    setDraft(text)
    const slash = /^\/(\S*)$/.exec(text)
    if (slash) {
      setSlashQuery(slash[1] ?? '')
      setDialog('scriptedMessage')
    }
  }
  const onShortcut = (event: KeyboardEvent): void => {
    const action = sessionAction(event)
    if (!action || ended()) return
    event.preventDefault()
    if (action === 'focusComposer') messageBox?.focus()
    else if (action === 'toggleRepsOnly' && !hidden()) setAudience(audience() === 'reps' ? 'all' : 'reps')
    else if (action === 'togglePanel') panelToggle()
    else if (action === 'scriptedMessage') setDialog('scriptedMessage')
  }
  document.addEventListener('keydown', onShortcut)
  onCleanup(() => document.removeEventListener('keydown', onShortcut))
  const insertScript = (text: string): void => {
    setDraft(text)
    setSlashQuery(undefined)
  }

  return (
    <section class="session" style={{ '--font-size': `${prefs.prefs.fontSize / 100}rem` }}>
      <SessionToolbar tools={tools()} />
      <p class="visually-hidden" role="status">{t('tools.fontSizeValue', { size: prefs.prefs.fontSize })}</p>
      <div class="session__body">
        <div class="session__chat">
          <div class="joininfo">
            <label class="field field--inline">
              <span>{t('console.customerLink')}</span>
              <input type="text" readOnly value={customerLink(app.origin, sessionId(), props.session.customerKey, meta()?.authority)} onFocus={(e) => e.currentTarget.select()} />
            </label>
            <PortalCodeInfo repDoc={repDoc} />
          </div>
          <Show when={!intake() && !hidden()}>
            <p class="hint">{t('console.linkHelp')}</p>
          </Show>
          <Show when={hidden()}>
            <p class="banner" role="status">{t('hide.hiddenHint')}</p>
          </Show>
          <TamperWarnings tampering={tampering()} spoofedReps={spoofedReps()} throttledAt={throttledAt()} ignoredAttendees={ignoredAttendees()} />
          <Transcript
            entries={entries()}
            selfId={selfId()}
            viewer="rep"
            header={() => <DetailsList details={details()} class="details--header" />}
            deliveryOf={(entry) => (entry.authorId === selfId() && entry.kind !== 'status' ? deliveryState(entry.id, entry.authorId, receipts()) : undefined)}
            scroll={view.scroll}
            onScrollSave={(scroll) => (view.scroll = scroll)}
          />
          <TypingIndicator names={typing().map((user) => user.name)} />
          <FileTransferArea transfers={files} bind={(api) => (fileSending = api)} />
          <Show when={!ended()} fallback={<p class="banner" role="status">{t('end.ended')}</p>}>
            <FileDropZone onFile={(file) => fileSending?.send(file)}>
              <Composer
                draft={draft()}
                onDraftChange={onDraftChange}
                onSend={(text) => props.workspace.send(sessionId(), text, hidden() ? 'reps' : audience())}
                onTyping={(on) => props.workspace.setTyping(sessionId(), on)}
                lang={lang()}
                spellCheck={prefs.prefs.spellCheck}
                audience={hidden() ? 'reps' : audience()}
                onAudienceChange={setAudience}
                audienceLocked={hidden()}
                boxRef={(box) => (messageBox = box)}
              />
            </FileDropZone>
          </Show>
        </div>
        <SessionPanel
          open={panelOpen()}
          onToggle={panelToggle}
          details={details()}
          attendees={everyone()}
          online={online()}
          notes={notesText(repDoc)}
          notesEditors={repPresence().filter((user) => user.editingNotes && user.id !== selfId()).map((user) => user.name)}
          onEditingNotes={(editing) => props.session.repConnection.setEditingNotes(editing)}
          syncWaiting={{ notes: props.session.sync.waiting('notes'), session: props.session.sync.waiting('session') }}
          screen={{ stream: screen.stream(), state: screen.state() }}
        />
      </div>
      <PushUrlDialog {...dialogProps('push')} onPush={(url) => props.workspace.pushUrl(sessionId(), url)} />
      <EndSessionDialog {...dialogProps('end')} onEnd={(outcome, note) => props.workspace.endSession(sessionId(), outcome, note)} />
      <HelpDialog {...dialogProps('help')} />
      <CredentialsRevealDialog credentials={credentials.revealed()} onDismiss={() => credentials.dismiss()} />
      <ExportDialog {...dialogProps('export')} repDoc={repDoc} />
      <InviteDialog {...dialogProps('invite')} kind="invite" candidates={candidates()} onInvite={(to, asHidden, comment) => props.workspace.invite(sessionId(), to, asHidden, comment)} />
      <InviteDialog {...dialogProps('transfer')} kind="transfer" candidates={candidates()} onInvite={(to, _hidden, comment) => props.workspace.invite(sessionId(), to, false, comment, 'transfer')} />
      <For each={['message', 'url'] as const}>
        {(kind) => (
          <ScriptedPicker
            kind={kind}
            {...dialogProps(kind === 'message' ? 'scriptedMessage' : 'scriptedUrl')}
            scripts={() => scripts()()}
            variables={variables}
            initialQuery={kind === 'message' ? slashQuery() : undefined}
            onChoose={insertScript}
            onManage={() => setDialog('library')}
            returnFocus={() => messageBox}
          />
        )}
      </For>
      <Show when={team()}>{(current) => <ScriptLibrary {...dialogProps('library')} teamDoc={current().doc} />}</Show>
    </section>
  )
}
