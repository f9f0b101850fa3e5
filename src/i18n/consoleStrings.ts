/**
 * The rep console's own strings (English): tabs, the update prompt, the panels and tools (repOnlyStrings.ts).
 * History's, the script library's and the dialogs' and warnings' (preferences, team, invitations, tamper,
 * refused peers) are parts fetched with their views (`loadStrings('history' | 'scripts' | 'dialogs')`, the
 * queue's with the Queue region. Kept out of `en.ts`, which every page loads, so the customer page carries none of them (issue 20,
 * bundles); `loadConsoleStrings()` fetches this chunk, and the Spanish sibling when needed, before the console renders.
 */
import { tabsEn } from './tabsStrings'
import type { historyEn } from './historyStrings'
import type { scriptsEn } from './scripts'
import type { ConsoleDialogKey } from './consoleDialogStrings'
import { repOnlyEn } from './repOnlyStrings'
import { joinEn } from './joinStrings'

/** English strings of the rep console only. */
export const consoleEn = {
  ...tabsEn,
  ...repOnlyEn,
  ...joinEn,
} as const

/** A key of the rep console's own strings (with the parts of History, the script library and the dialogs). */
export type ConsoleKey = keyof typeof consoleEn | keyof typeof historyEn | keyof typeof scriptsEn | ConsoleDialogKey

/** A key of the strings loaded with the console (not History's nor the scripts' parts). */
export type ConsoleStartKey = keyof typeof consoleEn

/** Key prefixes only the rep console uses: the catalog every page loads holds none (tests/i18n/consoleCatalog.test.ts). */
export const CONSOLE_ONLY_PREFIXES = ['scripts.', 'prefs.', 'tabs.', 'history.', 'update.', 'refused.', 'end.', 'hide.', 'invite.', 'notes.', 'panel.', 'profile.', 'push.', 'queue.', 'session.', 'tamper.', 'team.', 'tools.', 'transfer.'] as const
