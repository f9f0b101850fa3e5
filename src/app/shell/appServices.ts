/**
 * Builds what views reach through the app context; models are created on first use and kept for the page's life.
 * Each page's model code is its own chunk, loaded before the page shows: a customer never downloads the console's
 * workspace, History or search index, and the console never downloads the portal's lookup.
 */
import { createEffect, createRoot, createSignal, on } from 'solid-js'
import type { Lang } from '../../i18n/i18n'
import { setLang } from '../../i18n/i18n'
import type { AppServices } from './appContext'
import type { NetworkHub } from './networkHub'
import type { PrefsStore } from './prefsStore'
import { createRoute, type Route } from './routes'
import { applyUpdate, updateAvailable } from './serviceWorker'
import type { ConsoleModel } from '../console/consoleModel'
import type { CustomerSessionModel } from '../customer/customerSessionModel'
import type { PortalModel } from '../customer/portalModel'
import type { PortalRequestModel } from '../queue/portalRequestModel'

type ConsoleModule = typeof import('../console/consoleModel')
type CustomerModule = typeof import('../customer/customerSessionModel')
type PortalModule = typeof import('../customer/portalModel')
type RequestModule = typeof import('../queue/portalRequestModel')

/** The model modules loaded so far; a page shows only once its own is here. */
interface Loaded {
  console?: ConsoleModule
  customer?: CustomerModule
  portal?: PortalModule
  request?: RequestModule
}

/** Loads the model module `route`'s page needs (nothing for a bad link). */
async function loadPageModule(route: Route, loaded: Loaded): Promise<void> {
  if (route.page === 'console' || route.page === 'history') loaded.console ??= await import('../console/consoleModel')
  else if (route.page === 'join') loaded.customer ??= await import('../customer/customerSessionModel')
  else if (route.page === 'portal') loaded.portal ??= await import('../customer/portalModel')
  else if (route.page === 'request') loaded.request ??= await import('../queue/portalRequestModel')
}

/** Identifies the customer model of one join link. */
function customerModelName(sessionId: string, key: string, via: string, authority: string | undefined): string {
  return `${sessionId}.${key}.${via}.${authority ?? ''}`
}

/** Throws where a view asks for a model its page did not load (a routing bug, not a user error). */
function required<T>(module: T | undefined, page: string): T {
  if (!module) throw new Error(`the ${page} page's model is not loaded`)
  return module
}

/**
 * Creates the app's services over the page's network hub and preferences; resolves once the current
 * page's model code is loaded (later pages load theirs before the route moves to them).
 */
export async function createAppServices(hub: NetworkHub, prefs: PrefsStore, origin: string): Promise<AppServices> {
  let consoleModel: ConsoleModel | undefined
  let portalModel: PortalModel | undefined
  // One customer model at a time: a join link replaced by another (or left) closes the previous one's room and store.
  let customer: { name: string; model: CustomerSessionModel } | undefined
  const dropCustomer = (keep?: string): void => {
    if (!customer || customer.name === keep) return
    void customer.model.dispose()
    customer = undefined
  }
  const requests = new Map<string, PortalRequestModel>()
  const loaded: Loaded = {}
  const { hashRoute, route, setRoute } = createRoot(() => {
    const hashRoute = createRoute()
    const [route, setRoute] = createSignal(hashRoute())
    return { hashRoute, route, setRoute }
  })
  await loadPageModule(hashRoute(), loaded)
  createRoot(() =>
    createEffect(
      on(
        hashRoute,
        (next) => {
          void loadPageModule(next, loaded).then(() => {
            // A later hash change won the race: that one sets the route.
            if (hashRoute() !== next) return
            setRoute(next)
            // The page left this join link (its view is gone now): close its model's room and store.
            dropCustomer(next.page === 'join' ? customerModelName(next.sessionId, next.key, next.via ?? 'link', next.authority) : undefined)
          })
        },
        // Not deferred: a hash change while the first page's module loaded must still move the route.
      ),
    ),
  )
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
    console: () => (consoleModel ??= required(loaded.console, 'console').createConsoleModel(hub, prefs, origin)),
    customer(sessionId, key, via, authority) {
      const name = customerModelName(sessionId, key, via, authority)
      dropCustomer(name)
      customer ??= { name, model: required(loaded.customer, 'customer').createCustomerSessionModel(hub, sessionId, key, via, authority) }
      return customer.model
    },
    portal: () => (portalModel ??= required(loaded.portal, 'portal').createPortalModel(hub)),
    request(portalId, sealKey, signKey) {
      const name = `${portalId}.${sealKey}.${signKey}`
      let model = requests.get(name)
      if (!model) {
        model = required(loaded.request, 'request').createPortalRequestModel(hub, portalId, sealKey, signKey)
        requests.set(name, model)
      }
      return model
    },
  }
}
