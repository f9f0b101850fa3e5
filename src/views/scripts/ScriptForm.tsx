/**
 * Add or edit one script: `Title`, kind (`Message` / `URL`), `Text` or `URL`,
 * `Category`, `Save`. Refusals from the model (`ScriptRejected`) are shown
 * next to the field at fault with role=alert.
 */
import { For, Show, createSignal, createUniqueId, onMount } from 'solid-js'
import { MAX_SCRIPT_CATEGORY_CHARS, MAX_SCRIPT_TEXT_CHARS, MAX_SCRIPT_TITLE_CHARS, ScriptRejected } from '../../doc/scripts'
import type { ScriptFields, ScriptKind, ScriptRejectReason } from '../../doc/scripts'
import { STANDARD_VARIABLES } from '../../doc/variables'
import { t, type MessageKey } from '../../i18n/i18n'

const REASONS: Record<ScriptRejectReason, { key: MessageKey; field: 'title' | 'text' | 'category' | 'form'; max?: number }> = {
  titleEmpty: { key: 'scripts.error.titleEmpty', field: 'title' },
  titleTooLong: { key: 'scripts.error.titleTooLong', field: 'title', max: MAX_SCRIPT_TITLE_CHARS },
  textEmpty: { key: 'scripts.error.textEmpty', field: 'text' },
  textTooLong: { key: 'scripts.error.textTooLong', field: 'text', max: MAX_SCRIPT_TEXT_CHARS },
  categoryTooLong: { key: 'scripts.error.categoryTooLong', field: 'category', max: MAX_SCRIPT_CATEGORY_CHARS },
  notHttpUrl: { key: 'scripts.error.notHttpUrl', field: 'text' },
  unknownScript: { key: 'scripts.error.unknownScript', field: 'form' },
}

/** Props: the script being edited (none to add one), known categories, and the write to run on `Save`. */
export interface ScriptFormProps {
  initial?: ScriptFields
  categories: string[]
  /** Stores the fields; may throw `ScriptRejected`. */
  onSave: (fields: ScriptFields) => void
  onCancel: () => void
}

/** The add / edit form of the library. */
export function ScriptForm(props: ScriptFormProps) {
  const base = createUniqueId()
  const [kind, setKind] = createSignal<ScriptKind>(props.initial?.kind ?? 'message')
  const [title, setTitle] = createSignal(props.initial?.title ?? '')
  const [text, setText] = createSignal(props.initial?.text ?? '')
  const [category, setCategory] = createSignal(props.initial?.category ?? '')
  const [problem, setProblem] = createSignal<ScriptRejectReason>()
  const errorAt = (field: string) => {
    const reason = problem()
    return reason && REASONS[reason].field === field ? `${base}-error` : undefined
  }
  let first: HTMLInputElement | undefined
  onMount(() => first?.focus())

  const save = (event: SubmitEvent): void => {
    event.preventDefault()
    try {
      props.onSave({ kind: kind(), title: title(), text: text(), category: category() })
    } catch (cause) {
      if (!(cause instanceof ScriptRejected)) throw cause
      setProblem(cause.reason)
      document.querySelector<HTMLElement>(`[aria-describedby="${base}-error"]`)?.focus()
    }
  }
  const textInvalid = () => (errorAt('text') ? ('true' as const) : undefined)
  const textDescribedBy = () => errorAt('text') ?? `${base}-help`

  return (
    <form class="scripts-form" noValidate aria-labelledby={`${base}-heading`} onSubmit={save}>
      <h3 id={`${base}-heading`}>{t(props.initial ? 'scripts.formEdit' : 'scripts.formAdd')}</h3>
      <label class="field">
        <span>{t('scripts.title')}</span>
        <input
          ref={first}
          type="text"
          value={title()}
          aria-invalid={errorAt('title') ? 'true' : undefined}
          aria-describedby={errorAt('title')}
          onInput={(event) => setTitle(event.currentTarget.value)}
        />
      </label>
      <fieldset class="scripts-form__kind">
        <legend>{t('scripts.kind')}</legend>
        <For each={['message', 'url'] as const}>
          {(option) => (
            <label class="check">
              <input type="radio" name={`${base}-kind`} value={option} checked={kind() === option} onChange={() => setKind(option)} />
              <span>{t(option === 'url' ? 'scripts.kindUrl' : 'scripts.kindMessage')}</span>
            </label>
          )}
        </For>
      </fieldset>
      <div class="field">
        <label for={`${base}-text`}>{t(kind() === 'url' ? 'scripts.url' : 'scripts.text')}</label>
        <Show
          when={kind() === 'url'}
          fallback={
            <textarea
              id={`${base}-text`}
              rows={4}
              value={text()}
              aria-invalid={textInvalid()}
              aria-describedby={textDescribedBy()}
              onInput={(event) => setText(event.currentTarget.value)}
            />
          }
        >
          <input
            id={`${base}-text`}
            type="url"
            inputMode="url"
            value={text()}
            aria-invalid={textInvalid()}
            aria-describedby={textDescribedBy()}
            onInput={(event) => setText(event.currentTarget.value)}
          />
        </Show>
        <p id={`${base}-help`} class="hint">
          {t('scripts.variablesHelp', { example: STANDARD_VARIABLES.map((name) => `{{${name}}}`).join(', ') })}
        </p>
      </div>
      <label class="field">
        <span>{t('scripts.category')}</span>
        <input
          type="text"
          list={`${base}-categories`}
          value={category()}
          aria-invalid={errorAt('category') ? 'true' : undefined}
          aria-describedby={errorAt('category')}
          onInput={(event) => setCategory(event.currentTarget.value)}
        />
        <datalist id={`${base}-categories`}>
          <For each={props.categories}>{(name) => <option value={name} />}</For>
        </datalist>
      </label>
      <Show when={problem()}>
        {(reason) => (
          <p id={`${base}-error`} role="alert" class="error">
            {t(REASONS[reason()].key, { max: REASONS[reason()].max ?? 0 })}
          </p>
        )}
      </Show>
      <div class="scripts-dialog__actions">
        <button type="button" class="button" onClick={() => props.onCancel()}>
          {t('scripts.cancel')}
        </button>
        <button type="submit" class="button button--primary">
          {t('scripts.save')}
        </button>
      </div>
    </form>
  )
}
