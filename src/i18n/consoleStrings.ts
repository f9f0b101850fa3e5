/**
 * The rep console's own strings (English): script library, tabs and preferences, History, the update
 * prompt, refused peers and the panels, tools, teams, queue and tamper warnings (repOnlyStrings.ts). Kept out of `en.ts`, which every page loads, so the customer page carries none of them (issue 20,
 * bundles); `loadConsoleStrings()` fetches this chunk, and the Spanish sibling when needed, before the console renders.
 */
import { scriptsEn } from './scripts'
import { tabsEn } from './tabsStrings'
import { historyEn } from './historyStrings'
import { proofEn } from './proofStrings'
import { repOnlyEn } from './repOnlyStrings'
import { joinEn } from './joinStrings'

/** English strings of the rep console only. */
export const consoleEn = {
  ...scriptsEn,
  ...tabsEn,
  ...historyEn,
  ...proofEn,
  ...repOnlyEn,
  ...joinEn,
} as const

/** A key of the rep console's own strings. */
export type ConsoleKey = keyof typeof consoleEn

/** Key prefixes only the rep console uses: the catalog every page loads holds none (tests/i18n/consoleCatalog.test.ts). */
export const CONSOLE_ONLY_PREFIXES = ['scripts.', 'prefs.', 'tabs.', 'history.', 'update.', 'refused.', 'end.', 'hide.', 'invite.', 'notes.', 'panel.', 'profile.', 'push.', 'queue.', 'session.', 'tamper.', 'team.', 'tools.', 'transfer.'] as const
