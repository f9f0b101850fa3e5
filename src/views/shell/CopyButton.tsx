/** A button that copies a text and says so: "Copied" in a status region, which screen readers announce. */
import { createSignal, onCleanup } from 'solid-js'
import { t } from '../../i18n/i18n'

/** How long "Copied" stays: long enough to read, short enough that a second copy is heard again. */
const COPIED_SHOWN_MS = 2_500

/** Copies `text()` on click; `label` is the button's name ("Copy link", "Copy code"). */
export function CopyButton(props: { label: string; text: () => string }) {
  const [said, setSaid] = createSignal('')
  let timer: ReturnType<typeof setTimeout> | undefined
  const say = (message: string): void => {
    if (timer !== undefined) clearTimeout(timer)
    setSaid(message)
    timer = setTimeout(() => setSaid(''), COPIED_SHOWN_MS)
  }
  onCleanup(() => clearTimeout(timer))
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(props.text())
      say(t('console.copied'))
    } catch {
      say(t('console.copyFailed'))
    }
  }
  return (
    <span class="copy">
      <button type="button" class="button" onClick={() => void copy()}>
        {props.label}
      </button>
      <span role="status" class="copy__status">
        {said()}
      </span>
    </span>
  )
}
