/** The customer chat's heading: who is helping them, by name, with an initials avatar. */
import { Show } from 'solid-js'
import { t } from '../../i18n/i18n'

/** Up to two initials of a name ("Ana Rep" → "AR", "ñandú" → "Ñ"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const picked = words.length > 1 ? [words[0], words.at(-1)] : words
  return picked.map((word) => [...(word ?? '')][0]?.toLocaleUpperCase() ?? '').join('')
}

/** "Chat with Ana Rep" (with "Verified…" when the name comes from entries the link's key verified), or "Support chat" until then. */
export function CustomerHeading(props: { name: string | undefined; verified?: boolean }) {
  return (
    <div class="customer__heading">
      <Show when={props.name}>
        {(name) => (
          <span class="avatar" aria-hidden="true">
            {initials(name())}
          </span>
        )}
      </Show>
      <h1>{props.name ? t('customer.chatWith', { name: props.name }) : t('customer.title')}</h1>
      <Show when={props.name && props.verified}>
        <p class="hint customer__verified">{t('customer.repVerified')}</p>
      </Show>
    </div>
  )
}
