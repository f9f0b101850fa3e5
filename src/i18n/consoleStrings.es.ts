import type { ConsoleStartKey } from './consoleStrings'
import { tabsEs } from './tabsStrings.es'
import { repOnlyEs } from './repOnlyStrings.es'
import { joinEs } from './joinStrings.es'

/** Spanish strings of the rep console only: every key of the English ones (the type checker enforces it). */
export const consoleEs: Record<ConsoleStartKey, string> = {
  ...tabsEs,
  ...repOnlyEs,
  ...joinEs,
}
