/** The page: the rep console at `#/`, the customer page at `#/join/…`, the session-code portal at `#/portal`. */
import { Match, Switch, lazy } from 'solid-js'
import { CustomerContext, useApp } from '../../app/shell/appContext'
import { loadConsoleStrings, t } from '../../i18n/i18n'
import './styles.css'

// Each page is its own chunk: a customer never downloads the rep console (issue #10, bundle budgets).
// The console's own strings are a chunk apart from the catalog every page loads; it renders once both are in.
const RepConsole = lazy(() => Promise.all([import('../console/RepConsole'), loadConsoleStrings()]).then(([module]) => ({ default: module.RepConsole })))
const CustomerPage = lazy(() => import('../customer/CustomerPage').then((module) => ({ default: module.CustomerPage })))
const PortalRequestPage = lazy(() => import('../customer/PortalRequestPage').then((module) => ({ default: module.PortalRequestPage })))
const PortalPage = lazy(() => import('../customer/PortalPage').then((module) => ({ default: module.PortalPage })))

/** Root component. */
export function App() {
  const app = useApp()
  const route = app.route
  return (
    <Switch>
      <Match when={route().page === 'console' || route().page === 'history'}>
        <RepConsole />
      </Match>
      <Match when={route().page === 'badLink'}>
        <main class="page page--narrow">
          <h1>{t('customer.title')}</h1>
          <p role="alert">{t('customer.badLink')}</p>
        </main>
      </Match>
      <Match when={(() => { const r = route(); return r.page === 'join' ? r : undefined })()} keyed>
        {(join) => (
          <CustomerContext.Provider value={app.customer(join.sessionId, join.key, join.via ?? 'link', join.authority)}>
            <CustomerPage />
          </CustomerContext.Provider>
        )}
      </Match>
      <Match when={(() => { const r = route(); return r.page === 'request' ? r : undefined })()} keyed>
        {(request) => <PortalRequestPage portalId={request.portalId} sealKey={request.sealKey} signKey={request.signKey} />}
      </Match>
      <Match when={route().page === 'portal'}>
        <PortalPage />
      </Match>
    </Switch>
  )
}
