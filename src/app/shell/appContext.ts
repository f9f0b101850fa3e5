/**
 * The contexts through which views reach the app: views render models they
 * get here and never construct controllers (a lint fence: from src/app a view
 * imports only this module and types).
 */
import { createContext, useContext, type Accessor } from 'solid-js'
import type { Lang } from '../../i18n/i18n'
import type { LinkState } from '../../net/presence'
import type { PrefsStore } from './prefsStore'
import type { Route } from './routes'
import type { ConsoleModel } from '../console/consoleModel'
import type { CustomerSessionModel } from '../customer/customerSessionModel'
import type { PortalModel } from '../customer/portalModel'
import type { PortalRequestModel } from '../queue/portalRequestModel'
import type { RepSessionModel } from '../session/repSessionModel'

/** What every view can reach. */
export interface AppServices {
  /** The page's origin, for building links. */
  origin: string
  /** Persists and applies a UI language. */
  chooseLang(lang: Lang): void
  /** Chat preferences (reactive, saved on change). */
  prefs: PrefsStore
  /** The current page, from the URL's fragment. */
  route: Accessor<Route>
  /** The page's network state, all rooms together. */
  connection: { status: Accessor<LinkState>; peers: Accessor<number> }
  /** A new app version waiting to take over (never applied without the user). */
  update: { available: Accessor<boolean>; apply(): void }
  /** The rep console's model, created on first use and kept for the page's life. */
  console(): ConsoleModel
  /** The customer's session of a join link (`authority`: the session key it carries), created on first use. */
  customer(sessionId: string, key: string, via: 'link' | 'portal', authority?: string): CustomerSessionModel
  /** The session-code portal. */
  portal(): PortalModel
  /** A team portal's request page (issue 22), created on first use. */
  request(portalId: string, sealKey: string, signKey: string): PortalRequestModel
}

/** The app context. */
export const AppContext = createContext<AppServices>()

/** Reads the app context; throws when a view is rendered outside the app. */
export function useApp(): AppServices {
  const services = useContext(AppContext)
  if (!services) throw new Error('useApp outside <AppContext.Provider>')
  return services
}

/** The rep console's model (workspace, tabs, History). */
export function useConsole(): ConsoleModel {
  return useApp().console()
}

/** The session a view is rendered for. */
export const SessionContext = createContext<RepSessionModel>()

/** Reads the session context; throws outside a session view. */
export function useSession(): RepSessionModel {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside <SessionContext.Provider>')
  return session
}

/** The customer's session a view is rendered for. */
export const CustomerContext = createContext<CustomerSessionModel>()

/** Reads the customer context; throws outside the customer page. */
export function useCustomerSession(): CustomerSessionModel {
  const session = useContext(CustomerContext)
  if (!session) throw new Error('useCustomerSession outside <CustomerContext.Provider>')
  return session
}
