/** What the rep must know about the session in context, above its transcript: hidden, storage full, an action that failed, tampering. */
import { Show } from 'solid-js'
import { useSession } from '../../app/shell/appContext'
import { loadStrings, t } from '../../i18n/i18n'
import { formatBytes } from '../../i18n/format'
import { lazyPart } from '../shell/lazyPart'

// Most sessions never show these: each is a chunk loaded when it first has something to show (lazyPart.tsx).
const WaitingIntakes = lazyPart<{ shown: boolean }>(() => import('./WaitingIntakes').then((module) => module.WaitingIntakes), (props) => props.shown)
const TamperWarnings = lazyPart(() => Promise.all([import('./TamperWarnings'), loadStrings('dialogs')]).then(([module]) => module.TamperWarnings), (props) => anyWarning(props))

/** Whether the tamper warnings have anything to say (the same test TamperWarnings shows them by). */
function anyWarning(props: { tampering: unknown[]; spoofedReps: unknown[]; throttledAt: number | undefined; ignoredAttendees?: number; refused?: unknown[] }): boolean {
  return props.tampering.length > 0 || props.spoofedReps.length > 0 || props.throttledAt !== undefined || (props.ignoredAttendees ?? 0) > 0 || (props.refused ?? []).length > 0
}

/** The session's banners. */
export function SessionBanners() {
  const session = useSession()
  const waiting = () => session.waitingIntakes()
  return (
    <>
      <Show when={session.hidden()}>
        <p class="banner" role="status">{t('hide.hiddenHint')}</p>
      </Show>
      <WaitingIntakes shown={waiting().intakes.length > 0 || waiting().ignored > 0} />
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
