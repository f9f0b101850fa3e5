/**
 * The customer page's `Connection` status in plain words ("Your representative
 * is here"), never peer counts. The banner below says the same at length and is
 * the one screen readers hear (this one is aria-live off: no double announcement).
 */
import type { CustomerLinkState } from '../../app/customer/customerLinkState'
import { t, type MessageKey } from '../../i18n/i18n'

const TEXT: Record<CustomerLinkState, MessageKey> = {
  connected: 'customer.link.connected',
  connecting: 'customer.link.connecting',
  away: 'customer.link.waiting',
  offline: 'customer.link.offline',
}

/** The dot's colour follows the shell's connection styles. */
const DOT: Record<CustomerLinkState, 'online' | 'connecting' | 'offline'> = { connected: 'online', connecting: 'connecting', away: 'connecting', offline: 'offline' }

/** Props: the link state. */
export function CustomerConnection(props: { state: CustomerLinkState }) {
  return (
    <div role="status" aria-live="off" aria-label={t('connection.label')} class="connection" data-state={DOT[props.state]} data-link={props.state}>
      <span class="connection__dot" aria-hidden="true" />
      <span>{t(TEXT[props.state])}</span>
    </div>
  )
}
