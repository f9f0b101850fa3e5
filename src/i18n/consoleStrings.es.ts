import type { ConsoleKey } from './consoleStrings'
import { scriptsEs } from './scripts.es'
import { tabsEs } from './tabsStrings.es'
import { historyEs } from './historyStrings.es'
import { proofEs } from './proofStrings.es'
import { repOnlyEs } from './repOnlyStrings.es'
import { joinEs } from './joinStrings.es'

/** Spanish strings of the rep console only: every key of the English ones (the type checker enforces it). */
export const consoleEs: Record<ConsoleKey, string> = {
  ...scriptsEs,
  ...tabsEs,
  ...historyEs,
  ...proofEs,
  ...repOnlyEs,
  ...joinEs,
}
