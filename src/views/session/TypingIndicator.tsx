/** "Carla is typing…" under the transcript; announced politely, shown only while someone types. */
import { For } from 'solid-js'
import { t } from '../../i18n/i18n'

/** Lists who is typing right now. */
export function TypingIndicator(props: { names: string[] }) {
  return (
    <p class="typing" aria-live="polite">
      <For each={props.names}>{(name) => <span>{t('typing.person', { name })} </span>}</For>
    </p>
  )
}
