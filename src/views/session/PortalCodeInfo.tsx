/** The session code next to the Customer link, while it can still be used (it disappears once spent or expired). */
import { Show } from 'solid-js'
import type * as Y from 'yjs'
import { createDocReader } from '../../app/shell/createDocReader'
import { useApp } from '../../app/shell/appContext'
import { PORTAL_CODE_TTL_MS, formatPortalCode } from '../../app/session/portalCode'
import { portalLink } from '../../app/shell/routes'
import { readPortalCode } from '../../doc/portal'
import { t } from '../../i18n/i18n'
import '../customer/portal.css'

/** `Session code K7P-4QX` and how the customer uses it. */
export function PortalCodeInfo(props: { repDoc: Y.Doc }) {
  const app = useApp()
  const record = createDocReader(props.repDoc, readPortalCode)
  return (
    <Show when={record()}>
      {(current) => (
        <>
          <p class="joininfo__code">
            {t('console.sessionCode')} <strong>{formatPortalCode(current().code)}</strong>
          </p>
          <p class="hint joininfo__help">{t('console.sessionCodeHelp', { url: portalLink(app.origin), minutes: PORTAL_CODE_TTL_MS / 60_000 })}</p>
        </>
      )}
    </Show>
  )
}
