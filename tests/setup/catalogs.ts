// Unit tests switch languages with setLang and read t() at once: load the Spanish catalog (its own chunk
// in the app, fetched on demand) before any test runs. tests/i18n/lazyCatalog.test.ts covers the loading.
import { loadLang } from '../../src/i18n/i18n'

await loadLang('es')
