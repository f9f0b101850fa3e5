/** Composition root: language, network hub, service worker, the app's services, then the view tree. */
import { render } from 'solid-js/web'
import { App } from './views/shell/App'
import { AppContext } from './app/shell/appContext'
import { createAppServices } from './app/shell/appServices'
import { createNetworkHub } from './app/shell/networkHub'
import { registerServiceWorker } from './app/shell/serviceWorker'
import { isDebugPage, recordRooms } from './app/shell/debugRegistry'
import { loadConsoleStrings, loadLang, pickLang, setLang } from './i18n/i18n'
import { loadPrefs } from './store/prefs'
import { createPrefsStore } from './app/shell/prefsStore'
import { parseRoute } from './app/shell/routes'

const params = new URLSearchParams(location.search)
const firstPage = parseRoute(location.hash).page
const consolePage = firstPage === 'console' || firstPage === 'history'
// The console's own strings are asked for before the first language loads, so they come in that language too
// (App awaits them again before the console renders). The customer page never fetches them.
if (consolePage) void loadConsoleStrings().catch(() => undefined)
const firstLang = pickLang(params.get('lang') ?? loadPrefs().lang, navigator.languages)
// Only English ships in the first chunk; another language's catalog is fetched alongside the app's services
// and applied before the first render (no English flash). If it cannot be fetched, the page opens in English.
const langReady = loadLang(firstLang).then(
  () => setLang(firstLang),
  () => undefined,
)

const hub = createNetworkHub()
// Test and debugging hooks are their own chunk, fetched only with ?debug=1: never in the production path.
recordRooms(hub)
if (isDebugPage) void import('./app/debug/debugHooks').then((debug) => debug.installDebugHooks(hub))
registerServiceWorker()

// The page's view chunk is fetched while its model chunk loads (side by side, not one after the other).
if (consolePage) void import('./views/console/RepConsole')
else if (firstPage === 'join') void import('./views/customer/CustomerPage')
const services = await createAppServices(hub, createPrefsStore(), `${location.origin}${location.pathname.replace(/\/$/, '')}`)

await langReady
const root = document.getElementById('root')
if (root) {
  render(
    () => (
      <AppContext.Provider value={services}>
        <App />
      </AppContext.Provider>
    ),
    root,
  )
}
