/** The customer's banner about the link to their representative: connecting, connected, away, or offline (messages wait). */
import type { CustomerLinkState } from '../../app/customer/customerLinkState'
import { useCustomerSession } from '../../app/shell/appContext'
import { t, type MessageKey } from '../../i18n/i18n'

const TEXT: Record<CustomerLinkState, MessageKey> = {
  connecting: 'customer.connecting',
  connected: 'customer.connected',
  away: 'customer.repAway',
  offline: 'customer.offline',
}

/** A live status line (role=status) naming the state in words. */
export function CustomerLinkBanner() {
  const state = useCustomerSession().linkState
  return (
    <p class="banner" role="status" data-state={state()}>
      {t(TEXT[state()])}
    </p>
  )
}
