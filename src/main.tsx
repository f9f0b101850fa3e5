/** Composition root: language, network hub, service worker, then the view tree. */
import { render } from 'solid-js/web'
import { App } from './views/shell/App'
import { AppContext, type AppServices } from './app/shell/appContext'
import { createNetworkHub } from './app/shell/networkHub'
import { installDebugHooks } from './app/debug/debugHooks'
import { registerServiceWorker } from './app/shell/serviceWorker'
import { pickLang, setLang } from './i18n/i18n'
import { loadPrefs } from './store/prefs'
import { createPrefsStore } from './app/shell/prefsStore'

const params = new URLSearchParams(location.search)
setLang(pickLang(params.get('lang') ?? loadPrefs().lang, navigator.languages))

const hub = createNetworkHub()
installDebugHooks(hub, location.search)
registerServiceWorker()

const prefs = createPrefsStore()
const services: AppServices = {
  hub,
  prefs,
  origin: `${location.origin}${location.pathname.replace(/\/$/, '')}`,
  chooseLang(lang) {
    prefs.update({ lang })
    setLang(lang)
  },
}

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
