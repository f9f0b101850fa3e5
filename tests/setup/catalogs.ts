// Unit tests switch languages with setLang and read t() at once: load the Spanish catalog (its own chunk
// in the app, fetched on demand) and the rep console's strings (a chunk of their own too, awaited before the
// console renders) before any test runs, with the parts the console fetches with a view (queue, History, scripts, dialogs, media tools). tests/i18n/lazyCatalog.test.ts and consoleCatalog.test.ts cover the loading.
import { loadConsoleStrings, loadLang, loadStrings } from '../../src/i18n/i18n'

await Promise.all([loadConsoleStrings(), loadStrings('queue'), loadStrings('history'), loadStrings('scripts'), loadStrings('dialogs'), loadStrings('media')])
await loadLang('es')
