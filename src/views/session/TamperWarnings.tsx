/**
 * Flags, in a rep's session view, what a hostile customer-side peer tried:
 * forged or altered entries in the customer doc (never in the record),
 * awareness claiming to be a rep, update floods that were throttled, and
 * attendee records beyond the limit.
 * Everything a peer wrote is rendered as text.
 */
import { For, Show } from 'solid-js'
import type { Tampering } from '../../doc/tamper'
import { MAX_ATTENDEES } from '../../doc/attendees'
import { formatTime, t } from '../../i18n/i18n'
import './tamper.css'

/** The warnings block; renders nothing while there is nothing to flag. */
export function TamperWarnings(props: { tampering: Tampering[]; spoofedReps: string[]; throttledAt: number | undefined; ignoredAttendees?: number }) {
  const ignored = () => props.ignoredAttendees ?? 0
  const any = () => props.tampering.length > 0 || props.spoofedReps.length > 0 || props.throttledAt !== undefined || ignored() > 0
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
        </ul>
      </section>
    </Show>
  )
}
