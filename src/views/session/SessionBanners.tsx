/** What the rep must know about the session in context, above its transcript: hidden, storage full, an action that failed, tampering. */
import { Show } from 'solid-js'
import { useSession } from '../../app/shell/appContext'
import { TamperWarnings } from './TamperWarnings'
import { WaitingIntakes } from './WaitingIntakes'
import { t } from '../../i18n/i18n'
import { formatBytes } from '../../i18n/format'

/** The session's banners. */
export function SessionBanners() {
  const session = useSession()
  return (
    <>
      <Show when={session.hidden()}>
        <p class="banner" role="status">{t('hide.hiddenHint')}</p>
      </Show>
      <WaitingIntakes />
      <Show when={session.presence.storageFull()}>
        {(full) => (
          <p class="banner" role="status" data-storage="sessionFull">
            <span aria-hidden="true">⚠ </span>
            {t('storage.sessionFull', { max: formatBytes(full().cap), refused: formatBytes(full().refusedBytes) })}
          </p>
        )}
      </Show>
      <Show when={session.problem()}>{(message) => <p class="banner error" role="alert">{t('error.generic', { message: message() })}</p>}</Show>
      <TamperWarnings
        tampering={session.presence.tampering()}
        spoofedReps={session.presence.spoofedReps()}
        throttledAt={session.presence.throttledAt()}
        ignoredAttendees={session.presence.ignoredAttendees()}
        refused={session.presence.refused()}
      />
    </>
  )
}
