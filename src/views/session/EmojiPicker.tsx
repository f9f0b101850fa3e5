/**
 * The `Emoji` button and its dialog: a search box and a grid of the curated
 * set (src/i18n/emoji.ts), each named in the UI language. The chosen emoji
 * goes in at the message box's caret (over its selection), and the caret and
 * focus come back after it. Arrow keys move in the grid.
 */
import { For, Show, createMemo, createSignal } from 'solid-js'
import { ModalDialog } from '../shell/ModalDialog'
import { Icon } from '../shell/Icon'
import { searchEmoji } from '../../i18n/emoji'
import { lang, t } from '../../i18n/i18n'
import { insertAt } from './insertText'

/** Emoji per grid row (arrow up/down move by this many). */
const COLUMNS = 8

/** Props: the message box (read for its caret) and how to change the draft. */
export function EmojiPicker(props: { box: () => HTMLTextAreaElement | undefined; onInsert: (value: string) => void; disabled?: boolean }) {
  const [open, setOpen] = createSignal(false)
  const [query, setQuery] = createSignal('')
  let selection: [number, number] = [0, 0]
  let caret: number | undefined
  const found = createMemo(() => searchEmoji(query(), lang()))
  const show = (): void => {
    const box = props.box()
    selection = box ? [box.selectionStart, box.selectionEnd] : [0, 0]
    caret = undefined
    setQuery('')
    setOpen(true)
  }
  const choose = (char: string): void => {
    const box = props.box()
    const next = insertAt(box?.value ?? '', char, selection[0], selection[1])
    props.onInsert(next.value)
    caret = next.caret
    setOpen(false)
  }
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
      <button type="button" class="button button--icon" aria-label={t('emoji.button')} title={t('emoji.button')} aria-haspopup="dialog" disabled={props.disabled} onClick={show}>
        <Icon name="smile" />
      </button>
      <ModalDialog
        open={open()}
        onOpenChange={setOpen}
        title={t('emoji.dialog')}
        onCloseAutoFocus={(event) => {
          const box = props.box()
          if (!box) return
          event.preventDefault()
          box.focus()
          const at = caret ?? selection[1]
          box.setSelectionRange(at, at)
        }}
      >
        <input type="search" class="emoji__search" aria-label={t('emoji.search')} placeholder={t('emoji.search')} value={query()} onInput={(event) => setQuery(event.currentTarget.value)} />
        <Show when={found().length > 0} fallback={<p class="hint">{t('emoji.none')}</p>}>
          <div class="emoji__grid" role="group" aria-label={t('emoji.dialog')} onKeyDown={onGridKey}>
            <For each={found()}>
              {(emoji) => (
                <button type="button" class="emoji__choice" aria-label={emoji[lang()]} title={emoji[lang()]} onClick={() => choose(emoji.char)}>
                  {emoji.char}
                </button>
              )}
            </For>
          </div>
        </Show>
      </ModalDialog>
    </>
  )
}
