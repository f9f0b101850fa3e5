/** `Session notes`: a textarea bound to the rep doc's shared Y.Text, co-edited live by the session's reps. */
import { For, Show, onCleanup, onMount } from 'solid-js'
import type * as Y from 'yjs'
import { LOCAL } from '../../doc/schema'
import { MAX_NOTES_CHARS, applyTextValue, shiftIndex } from '../../doc/notes'
import { t } from '../../i18n/i18n'

/** The notes editor. */
export function NotesEditor(props: { text: Y.Text; onEditing?: (editing: boolean) => void; editors: string[]; waiting?: boolean }) {
  let area: HTMLTextAreaElement | undefined
  onMount(() => {
    const text = props.text
    if (!area) return
    const box = area
    box.value = text.toString()
    const onRemote = (event: Y.YTextEvent): void => {
      if (event.transaction.origin === LOCAL) return
      const { selectionStart, selectionEnd } = box
      box.value = text.toString()
      const delta = event.delta as { insert?: unknown; delete?: number; retain?: number }[]
      box.setSelectionRange(shiftIndex(selectionStart, delta), shiftIndex(selectionEnd, delta))
    }
    text.observe(onRemote)
    onCleanup(() => text.unobserve(onRemote))
  })
  return (
    <>
      <textarea
        ref={area}
        class="notes"
        rows={6}
        maxLength={MAX_NOTES_CHARS}
        aria-label={t('panel.notesLabel')}
        aria-describedby="notes-help"
        onInput={(event) => applyTextValue(props.text, event.currentTarget.value, LOCAL)}
        onFocus={() => props.onEditing?.(true)}
        onBlur={() => props.onEditing?.(false)}
      />
      <p class="typing" aria-live="polite">
        <For each={props.editors}>{(name) => <span>{t('notes.editing', { name })} </span>}</For>
      </p>
      <p id="notes-help" class="hint">{t('panel.notesHelp')}</p>
      {/* Local edits no rep peer holds yet, like a message's "In outbox": glyph and words, not colour alone. */}
      <p role="status" class="hint sync-mark" data-waiting={props.waiting === true}>
        <Show when={props.waiting}>
          <span aria-hidden="true">◷ </span>
          {t('panel.notesWaiting')}
        </Show>
      </p>
    </>
  )
}
