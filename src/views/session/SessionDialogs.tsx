/** The dialogs of a session's tools: push URL, end, help, export, invite, transfer, scripted items and the library. */
import { For, Show } from 'solid-js'
import { useSession } from '../../app/shell/appContext'
import { lazyPart } from '../shell/lazyPart'
import { loadStrings } from '../../i18n/i18n'

// Each dialog is its own chunk, loaded when first opened (lazyPart.tsx): most sessions open few of them, if any.
const PushUrlDialog = lazyPart(() => import('./PushUrlDialog').then((module) => module.PushUrlDialog), (props) => props.open)
const EndSessionDialog = lazyPart(() => import('./EndSessionDialog').then((module) => module.EndSessionDialog), (props) => props.open)
const HelpDialog = lazyPart(() => import('../shell/HelpDialog').then((module) => module.HelpDialog), (props) => props.open)
const ExportDialog = lazyPart(() => import('./ExportDialog').then((module) => module.ExportDialog), (props) => props.open)
// With the queue's strings: its Transfer → Team queue writes the note `queue.title` (src/app/queue/handBack.ts).
const InviteDialog = lazyPart(() => Promise.all([import('./InviteDialog'), loadStrings('dialogs'), loadStrings('queue')]).then(([module]) => module.InviteDialog), (props) => props.open)
// The scripts' dialogs bring their strings (a part of their own, i18n.ts).
const ScriptedPicker = lazyPart(() => Promise.all([import('../scripts/ScriptedPicker'), loadStrings('scripts')]).then(([module]) => module.ScriptedPicker), (props) => props.open)
const ScriptLibrary = lazyPart(() => Promise.all([import('../scripts/ScriptLibrary'), loadStrings('scripts')]).then(([module]) => module.ScriptLibrary), (props) => props.open)
const CredentialsRevealDialog = lazyPart(
  () => Promise.all([import('../tools/CredentialsRevealDialog'), loadStrings('media')]).then(([module]) => module.CredentialsRevealDialog),
  (props) => props.credentials !== undefined,
)

/** Which dialog is open. */
export type DialogName = 'push' | 'end' | 'help' | 'export' | 'invite' | 'transfer' | 'scriptedMessage' | 'scriptedUrl' | 'library'

/** Props: the open dialog (controlled), and the composer's hooks for scripted items. */
export interface SessionDialogsProps {
  open: DialogName | undefined
  onOpen: (dialog: DialogName | undefined) => void
  /** What follows `/` in the message box, for the scripted-message picker. */
  slashQuery: string | undefined
  onScriptChosen: (text: string) => void
  messageBox: () => HTMLTextAreaElement | undefined
}

/** Every tool dialog of the session in context. */
export function SessionDialogs(props: SessionDialogsProps) {
  const session = useSession()
  const dialogProps = (name: DialogName) => ({ open: props.open === name, onOpenChange: (open: boolean) => props.onOpen(open ? name : undefined) })
  return (
    <>
      <PushUrlDialog {...dialogProps('push')} onPush={(url) => session.pushUrl(url)} />
      <EndSessionDialog {...dialogProps('end')} onEnd={(outcome, note) => session.end(outcome, note)} />
      <HelpDialog {...dialogProps('help')} />
      <CredentialsRevealDialog credentials={session.credentials.revealed()} onDismiss={() => session.credentials.dismiss()} />
      <ExportDialog {...dialogProps('export')} onExport={(format, options) => session.exportTranscript(format, options)} />
      <InviteDialog {...dialogProps('invite')} kind="invite" candidates={session.candidates()} onInvite={(to, hidden, comment) => session.invite(to, hidden, comment)} />
      <InviteDialog {...dialogProps('transfer')} kind="transfer" candidates={session.candidates()} onInvite={(to, _hidden, comment) => session.transfer(to, comment)} />
      <For each={['message', 'url'] as const}>
        {(kind) => (
          <ScriptedPicker
            kind={kind}
            {...dialogProps(kind === 'message' ? 'scriptedMessage' : 'scriptedUrl')}
            scripts={() => session.scripts()}
            scriptsFailed={() => session.scriptsFailed()}
            variables={() => session.variables()}
            initialQuery={kind === 'message' ? props.slashQuery : undefined}
            onChoose={(text) => props.onScriptChosen(text)}
            onManage={() => props.onOpen('library')}
            returnFocus={() => props.messageBox()}
          />
        )}
      </For>
      <Show when={session.teamDoc()}>{(teamDoc) => <ScriptLibrary {...dialogProps('library')} teamDoc={teamDoc()} scripts={() => session.scripts()} scriptsFailed={() => session.scriptsFailed()} />}</Show>
    </>
  )
}
