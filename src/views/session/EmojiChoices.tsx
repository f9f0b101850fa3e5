/**
 * The emoji dialog's body: a search box and the grid of the curated set
 * (src/i18n/emoji.ts), each named in the UI language; arrow keys move in the
 * grid. Its own chunk, loaded when the dialog first opens.
 */
import { For, Show, createMemo, createSignal, onMount } from 'solid-js'
import { searchEmoji } from '../../i18n/emoji'
import { lang, t } from '../../i18n/i18n'

/** Emoji per grid row (arrow up/down move by this many). */
const COLUMNS = 8

/** Props: what to do with the chosen emoji. */
export function EmojiChoices(props: { onChoose: (char: string) => void }) {
  const [query, setQuery] = createSignal('')
  const found = createMemo(() => searchEmoji(query(), lang()))
  let search: HTMLInputElement | undefined
  onMount(() => search?.focus())
  const onGridKey = (event: KeyboardEvent): void => {
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: COLUMNS, ArrowUp: -COLUMNS }[event.key]
    if (step === undefined) return
    const buttons = [...(event.currentTarget as HTMLElement).querySelectorAll('button')]
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
    const next = buttons[Math.min(buttons.length - 1, Math.max(0, at + step))]
    event.preventDefault()
    next?.focus()
  }
  return (
    <>
      <input ref={search} type="search" class="emoji__search" aria-label={t('emoji.search')} placeholder={t('emoji.search')} value={query()} onInput={(event) => setQuery(event.currentTarget.value)} />
      <Show when={found().length > 0} fallback={<p class="hint">{t('emoji.none')}</p>}>
        <div class="emoji__grid" role="group" aria-label={t('emoji.dialog')} onKeyDown={onGridKey}>
          <For each={found()}>
            {(emoji) => (
              <button type="button" class="emoji__choice" aria-label={emoji[lang()]} title={emoji[lang()]} onClick={() => props.onChoose(emoji.char)}>
                {emoji.char}
              </button>
            )}
          </For>
        </div>
      </Show>
    </>
  )
}
