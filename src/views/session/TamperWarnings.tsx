/**
 * Flags, in a rep's session view, what a hostile customer-side peer tried:
 * forged or altered entries in the customer doc (never in the record),
 * awareness claiming to be a rep, update floods that were throttled,
 * attendee records beyond the limit, and what was refused to peers that
 * could not prove themselves (presence written for another peer, the
 * customer's screen or files).
 * Everything a peer wrote is rendered as text.
 */
import { For, Show } from 'solid-js'
import type { Tampering } from '../../doc/tamper'
import type { RefusedAttempt } from '../../app/session/sessionPresence'
import { MAX_ATTENDEES } from '../../doc/attendees'
import { formatTime, t } from '../../i18n/i18n'
import './tamper.css'

/** The warnings block; renders nothing while there is nothing to flag. */
export function TamperWarnings(props: { tampering: Tampering[]; spoofedReps: string[]; throttledAt: number | undefined; ignoredAttendees?: number; refused?: RefusedAttempt[] }) {
  const ignored = () => props.ignoredAttendees ?? 0
  const refused = () => props.refused ?? []
  const any = () => props.tampering.length > 0 || props.spoofedReps.length > 0 || props.throttledAt !== undefined || ignored() > 0 || refused().length > 0
  return (
    <Show when={any()}>
      <section class="banner tamper" role="region" aria-label={t('tamper.title')}>
        <p class="tamper__title">
          <span aria-hidden="true">⚠ </span>
          {t('tamper.title')}
        </p>
        <p class="tamper__help">{t('tamper.help')}</p>
        <ul class="tamper__list">
          <For each={props.tampering}>
            {(item) => (
              <li data-tamper={item.kind} data-entry-id={item.id}>
                <strong class="tamper__flag">{t(`tamper.${item.kind}`, { name: item.claimedName })}</strong>{' '}
                <q class="tamper__text">{item.text}</q>
              </li>
            )}
          </For>
          <For each={props.spoofedReps}>{(name) => <li data-tamper="spoofed">{t('tamper.spoofedRep', { name })}</li>}</For>
          <Show when={props.throttledAt}>{(at) => <li data-tamper="throttled">{t('tamper.throttled', { time: formatTime(at()) })}</li>}</Show>
          <Show when={ignored() > 0}>
            <li data-tamper="attendees">{t('tamper.attendees', { count: ignored(), max: MAX_ATTENDEES })}</li>
          </Show>
          <For each={refused()}>
            {(item) => (
              <li data-tamper="refused" data-refused={item.what} data-peer-id={item.peerId}>
                {t(`refused.${item.what}`, { peer: peerLabel(item), victim: item.victimName ?? t('refused.someone') })}
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  )
}

/** A refused peer as the rep reads it: the name it claims and a short form of its peer id. */
function peerLabel(item: RefusedAttempt): string {
  const id = item.peerId.slice(0, 8)
  return item.claimedName === undefined ? t('refused.peerAnonymous', { id }) : t('refused.peerNamed', { name: item.claimedName, id })
}
