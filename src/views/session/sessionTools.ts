/** The list of session functions shown in the toolbar and the session menu, for the state a session is in. */
import type { SessionTool } from './sessionTool'
import { t } from '../../i18n/i18n'

/** What the tool list depends on. */
export interface ToolState {
  ended: boolean
  hidden: boolean
  spellCheck: boolean
}

/** Actions the tools run. */
export interface ToolActions {
  open(dialog: 'push' | 'end' | 'help' | 'export' | 'invite' | 'transfer' | 'scriptedMessage' | 'scriptedUrl'): void
  toggleSpellCheck(): void
  nextFontSize(): void
  toggleHidden(): void
  /** Asks the customer to share their screen (absent: no such tool). */
  requestScreen?(): void
  /** Opens the file picker to send the customer a file (absent: no such tool). */
  sendFile?(): void
  /** Asks the customer for login credentials (absent: no such tool). */
  requestCredentials?(): void
  /** Opens Find in session (absent: no such tool). */
  find?(): void
}

/** Builds the tools; an ended session keeps only what still makes sense (export, font, help). */
export function sessionTools(state: ToolState, act: ToolActions): SessionTool[] {
  const all: SessionTool[] = [
    ...(act.find ? [{ id: 'find', label: t('find.tool'), short: t('find.short'), icon: 'search' as const, quick: true, run: () => act.find?.() }] : []),
    { id: 'scriptedMessage', label: t('tools.scriptedMessage'), short: t('tools.short.scriptedMessage'), icon: 'script', quick: true, run: () => act.open('scriptedMessage') },
    { id: 'scriptedUrl', label: t('tools.scriptedUrl'), short: t('tools.short.scriptedUrl'), icon: 'link', quick: true, run: () => act.open('scriptedUrl') },
    { id: 'push', label: t('tools.pushUrl'), short: t('tools.short.pushUrl'), icon: 'push', quick: true, run: () => act.open('push') },
    { id: 'spell', label: t('tools.spellCheck'), short: t('tools.short.spellCheck'), icon: 'spell', quick: true, pressed: state.spellCheck, run: act.toggleSpellCheck },
    { id: 'font', label: t('tools.fontSize'), short: t('tools.fontSize'), icon: 'plus', quick: false, run: act.nextFontSize },
    ...(act.requestScreen ? [{ id: 'screen', label: t('screen.requestTool'), short: t('tools.short.screen'), icon: 'screen' as const, quick: true, run: () => act.requestScreen?.() }] : []),
    ...(act.sendFile ? [{ id: 'file', label: t('files.sendTool'), short: t('tools.short.file'), icon: 'file' as const, quick: true, run: () => act.sendFile?.() }] : []),
    ...(act.requestCredentials ? [{ id: 'credentials', label: t('credentials.tool'), short: t('credentials.tool'), icon: 'key' as const, quick: false, run: () => act.requestCredentials?.() }] : []),
    { id: 'invite', label: t('invite.tool'), short: t('tools.short.invite'), icon: 'invite', quick: true, run: () => act.open('invite') },
    { id: 'hide', label: state.hidden ? t('hide.show') : t('hide.me'), short: state.hidden ? t('hide.show') : t('hide.me'), icon: state.hidden ? 'eye' : 'eyeOff', quick: true, run: act.toggleHidden },
    { id: 'transfer', label: t('transfer.tool'), short: t('transfer.tool'), icon: 'transfer', quick: false, run: () => act.open('transfer') },
    { id: 'export', label: t('tools.exportTranscript'), short: t('tools.short.export'), icon: 'download', quick: true, run: () => act.open('export') },
    { id: 'end', label: t('tools.endSession'), short: t('tools.short.end'), icon: 'stop', quick: true, run: () => act.open('end') },
    { id: 'help', label: t('tools.help'), short: t('tools.help'), icon: 'help', quick: false, run: () => act.open('help') },
  ]
  const customerFacing = new Set(['scriptedUrl', 'push', 'transfer', 'screen', 'file', 'credentials'])
  return all.filter((tool) => {
    if (state.ended) return ['help', 'font', 'export', 'find'].includes(tool.id)
    return !(state.hidden && customerFacing.has(tool.id))
  })
}
