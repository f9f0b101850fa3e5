/** Builds what views reach through the app context; models are created on first use and kept for the page's life. */
import type { Lang } from '../../i18n/i18n'
import { setLang } from '../../i18n/i18n'
import type { AppServices } from './appContext'
import type { NetworkHub } from './networkHub'
import type { PrefsStore } from './prefsStore'
import { createRoute } from './routes'
import { applyUpdate, updateAvailable } from './serviceWorker'
import { createConsoleModel, type ConsoleModel } from '../console/consoleModel'
import { createCustomerSessionModel, type CustomerSessionModel } from '../customer/customerSessionModel'
import { createPortalModel, type PortalModel } from '../customer/portalModel'
import { createRoot } from 'solid-js'

/** Creates the app's services over the page's network hub and preferences. */
export function createAppServices(hub: NetworkHub, prefs: PrefsStore, origin: string): AppServices {
  let consoleModel: ConsoleModel | undefined
  let portalModel: PortalModel | undefined
  const customers = new Map<string, CustomerSessionModel>()
  const route = createRoot(() => createRoute())
  return {
    origin,
    prefs,
    route,
    chooseLang(lang: Lang) {
      prefs.update({ lang })
      setLang(lang)
    },
    connection: { status: hub.status, peers: hub.peers },
    update: { available: updateAvailable, apply: applyUpdate },
    console: () => (consoleModel ??= createConsoleModel(hub, prefs, origin)),
    customer(sessionId, key, via, authority) {
      const name = `${sessionId}.${key}.${via}.${authority ?? ''}`
      let model = customers.get(name)
      if (!model) {
        model = createCustomerSessionModel(hub, sessionId, key, via, authority)
        customers.set(name, model)
      }
      return model
    },
    portal: () => (portalModel ??= createPortalModel(hub)),
  }
}
