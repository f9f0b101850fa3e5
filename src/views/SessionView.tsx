/**
 * One session in the rep console: toolbar and menu, the chat box over the
 * rep doc's transcript (headed by the details), and the session panel.
 */
import { Show, createMemo, createSignal } from 'solid-js'
import type { RepSession } from '../app/repSession'
import type { RepProfile, RepWorkspace } from '../app/repWorkspace'
import { createTranscript } from '../app/createTranscript'
import { createConnectionReader, createDocReader } from '../app/createDocReader'
import { createSnapshot } from '../app/networkHub'
import { customerLink } from '../app/routes'
import { useApp } from '../app/appContext'
import { nextFontSize } from '../app/prefsStore'
import { readRepSessionMeta } from '../doc/session'
import { readIntake } from '../doc/intake'
import { readExportDetails } from '../doc/exportData'
import { readAttendees } from '../doc/attendees'
import { deliveryState, readReceipts } from '../doc/receipts'
import { notesText } from '../doc/notes'
import { Transcript } from './Transcript'
import { Composer } from './Composer'
import { SessionToolbar, type SessionTool } from './SessionToolbar'
import { SessionPanel } from './SessionPanel'
import { DetailsList } from './DetailsList'
import { PushUrlDialog } from './PushUrlDialog'
import { EndSessionDialog } from './EndSessionDialog'
import { HelpDialog } from './HelpDialog'
import { ExportDialog } from './ExportDialog'
import { TypingIndicator } from './TypingIndicator'
import { lang, t } from '../i18n/i18n'

type DialogName = 'push' | 'end' | 'help' | 'export'

/** The chat box of one session. */
export function SessionView(props: { session: RepSession; profile: RepProfile | undefined; workspace: RepWorkspace }) {
  const app = useApp()
  const prefs = app.prefs
  const repDoc = props.session.repDoc
  const entries = createTranscript(repDoc)
  const meta = createDocReader(repDoc, readRepSessionMeta)
  const intake = createDocReader(repDoc, (doc) => readIntake(doc, 'rep'))
  const details = createDocReader(repDoc, readExportDetails)
  const attendees = createDocReader(repDoc, readAttendees)
  const receipts = createDocReader(repDoc, readReceipts)
  const customerLinkState = createSnapshot(props.session.customerConnection)
  const present = createConnectionReader(
    (listener) => props.session.customerConnection.onChange(listener),
    () => props.session.customerConnection.onlineUsers(),
  )
  const [dialog, setDialog] = createSignal<DialogName>()
  const [draft, setDraft] = createSignal('')
  const ended = () => meta()?.state === 'ended'
  const sessionId = () => props.session.sessionId
  const selfId = () => props.profile?.repId

  const everyone = createMemo(() => {
    const list = [...attendees()]
    const customer = intake()
    if (customer && !list.some((a) => a.id === customer.customerId)) list.unshift({ id: customer.customerId, name: customer.customerName, role: 'customer', hidden: false })
    return list
  })
  const online = createMemo(() => new Set([...present().map((user) => user.id), ...(selfId() ? [selfId() as string] : [])]))
  const typing = () => present().filter((user) => user.role === 'customer' && user.typing)

  const tools = (): SessionTool[] => [
    { id: 'push', label: t('tools.pushUrl'), glyph: '↗', quick: true, run: () => setDialog('push') },
    { id: 'spell', label: t('tools.spellCheck'), glyph: 'abc✓', quick: true, pressed: prefs.prefs.spellCheck, run: () => prefs.update({ spellCheck: !prefs.prefs.spellCheck }) },
    { id: 'font', label: t('tools.fontSize'), glyph: 'A±', quick: true, run: () => prefs.update({ fontSize: nextFontSize(prefs.prefs.fontSize) }) },
    { id: 'export', label: t('tools.exportTranscript'), glyph: '⤓', quick: true, run: () => setDialog('export') },
    { id: 'end', label: t('tools.endSession'), glyph: '■', quick: true, run: () => setDialog('end') },
    { id: 'help', label: t('tools.help'), glyph: '?', quick: false, run: () => setDialog('help') },
  ]
  const dialogProps = (name: DialogName) => ({ open: dialog() === name, onOpenChange: (open: boolean) => setDialog(open ? name : undefined) })

  return (
    <section class="session" style={{ '--font-size': `${prefs.prefs.fontSize / 100}rem` }}>
      <SessionToolbar tools={ended() ? tools().filter((tool) => ['help', 'font', 'export'].includes(tool.id)) : tools()} />
      <p class="visually-hidden" role="status">{t('tools.fontSizeValue', { size: prefs.prefs.fontSize })}</p>
      <div class="session__body">
        <div class="session__chat">
          <div class="joininfo">
            <label class="field field--inline">
              <span>{t('console.customerLink')}</span>
              <input type="text" readOnly value={customerLink(app.origin, sessionId(), props.session.customerKey)} onFocus={(e) => e.currentTarget.select()} />
            </label>
          </div>
          <Show when={customerLinkState().peers === 0 && !intake()}>
            <p class="hint">{t('console.linkHelp')}</p>
          </Show>
          <Transcript
            entries={entries()}
            selfId={selfId()}
            viewer="rep"
            header={() => <DetailsList details={details()} class="details--header" />}
            deliveryOf={(entry) => (entry.authorId === selfId() && entry.kind !== 'status' ? deliveryState(entry.id, entry.authorId, receipts()) : undefined)}
          />
          <TypingIndicator names={typing().map((user) => user.name)} />
          <Show when={!ended()} fallback={<p class="banner" role="status">{t('end.ended')}</p>}>
            <Composer
              draft={draft()}
              onDraftChange={setDraft}
              onSend={(text) => props.workspace.send(sessionId(), text)}
              onTyping={(on) => props.workspace.setTyping(sessionId(), on)}
              lang={lang()}
              spellCheck={prefs.prefs.spellCheck}
            />
          </Show>
        </div>
        <SessionPanel
          open={prefs.prefs.panelOpen}
          onToggle={() => prefs.update({ panelOpen: !prefs.prefs.panelOpen })}
          details={details()}
          attendees={everyone()}
          online={online()}
          notes={notesText(repDoc)}
        />
      </div>
      <PushUrlDialog {...dialogProps('push')} onPush={(url) => props.workspace.pushUrl(sessionId(), url)} />
      <EndSessionDialog {...dialogProps('end')} onEnd={(outcome, note) => props.workspace.endSession(sessionId(), outcome, note)} />
      <HelpDialog {...dialogProps('help')} />
      <ExportDialog {...dialogProps('export')} repDoc={repDoc} />
    </section>
  )
}
