/**
 * Whole catalogs, every page's strings and the rep console's together, for tests and tools that need every
 * key at once. The app never imports this module: it loads the console's strings apart (`loadConsoleStrings`).
 */
import { en as pageEn, type MessageKey } from './en'
import { es as pageEs } from './es'
import { consoleEn } from './consoleStrings'
import { consoleEs } from './consoleStrings.es'
import { mediaToolsEn } from './mediaToolStrings'
import { mediaToolsEs } from './mediaToolStrings.es'
import { exportEn } from './exportStrings'
import { exportEs } from './exportStrings.es'
import { queueEn } from './queueStrings'
import { queueEs } from './queueStrings.es'
import { historyEn } from './historyStrings'
import { historyEs } from './historyStrings.es'
import { scriptsEn } from './scripts'
import { scriptsEs } from './scripts.es'
import { consoleDialogsEn } from './consoleDialogStrings'
import { consoleDialogsEs } from './consoleDialogStrings.es'

/** Every English string. */
export const en: Record<MessageKey, string> = { ...pageEn, ...consoleEn, ...mediaToolsEn, ...exportEn, ...queueEn, ...historyEn, ...scriptsEn, ...consoleDialogsEn }

/** Every Spanish string. */
export const es: Record<MessageKey, string> = { ...pageEs, ...consoleEs, ...mediaToolsEs, ...exportEs, ...queueEs, ...historyEs, ...scriptsEs, ...consoleDialogsEs }

export type { MessageKey }
