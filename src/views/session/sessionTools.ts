/** The list of session functions shown in the toolbar and the session menu, for the state a session is in. */
import type { SessionTool } from './SessionToolbar'
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
}

/** Builds the tools; an ended session keeps only what still makes sense (export, font, help). */
export function sessionTools(state: ToolState, act: ToolActions): SessionTool[] {
  const all: SessionTool[] = [
    { id: 'scriptedMessage', label: t('tools.scriptedMessage'), glyph: '✎', quick: true, run: () => act.open('scriptedMessage') },
    { id: 'scriptedUrl', label: t('tools.scriptedUrl'), glyph: '⌘', quick: true, run: () => act.open('scriptedUrl') },
    { id: 'push', label: t('tools.pushUrl'), glyph: '↗', quick: true, run: () => act.open('push') },
    { id: 'spell', label: t('tools.spellCheck'), glyph: 'abc✓', quick: true, pressed: state.spellCheck, run: act.toggleSpellCheck },
    { id: 'font', label: t('tools.fontSize'), glyph: 'A±', quick: true, run: act.nextFontSize },
    ...(act.requestScreen ? [{ id: 'screen', label: t('screen.requestTool'), glyph: '▣', quick: true, run: () => act.requestScreen?.() }] : []),
    ...(act.sendFile ? [{ id: 'file', label: t('files.sendTool'), glyph: '⇪', quick: true, run: () => act.sendFile?.() }] : []),
    ...(act.requestCredentials ? [{ id: 'credentials', label: t('credentials.tool'), glyph: '⚿', quick: false, run: () => act.requestCredentials?.() }] : []),
    { id: 'invite', label: t('invite.tool'), glyph: '+', quick: true, run: () => act.open('invite') },
    { id: 'hide', label: state.hidden ? t('hide.show') : t('hide.me'), glyph: state.hidden ? '◌' : '●', quick: true, run: act.toggleHidden },
    { id: 'transfer', label: t('transfer.tool'), glyph: '⇄', quick: false, run: () => act.open('transfer') },
    { id: 'export', label: t('tools.exportTranscript'), glyph: '⤓', quick: true, run: () => act.open('export') },
    { id: 'end', label: t('tools.endSession'), glyph: '■', quick: true, run: () => act.open('end') },
    { id: 'help', label: t('tools.help'), glyph: '?', quick: false, run: () => act.open('help') },
  ]
  const customerFacing = new Set(['scriptedUrl', 'push', 'transfer', 'screen', 'file', 'credentials'])
  return all.filter((tool) => {
    if (state.ended) return ['help', 'font', 'export'].includes(tool.id)
    return !(state.hidden && customerFacing.has(tool.id))
  })
}
