/**
 * Asks for the variables a chosen script still lacks: one labelled text box
 * per variable (the label is the variable's name) and `Insert`, enabled only
 * once every box holds something other than blanks.
 */
import { For, Show, createSignal, createUniqueId, onMount } from 'solid-js'
import { t } from '../../i18n/i18n'

/** Props: the script's title, the missing names, and what to do with the answers. */
export interface VariablesFormProps {
  title: string
  names: string[]
  error?: string
  onInsert: (values: Record<string, string>) => void
  onBack: () => void
}

/** The form of missing variables. */
export function VariablesForm(props: VariablesFormProps) {
  const base = createUniqueId()
  const [values, setValues] = createSignal<Record<string, string>>({})
  const complete = () => props.names.every((name) => (values()[name] ?? '').trim() !== '')
  let first: HTMLInputElement | undefined
  onMount(() => first?.focus())
  return (
    <form
      class="scripts-variables"
      aria-labelledby={`${base}-legend`}
      onSubmit={(event) => {
        event.preventDefault()
        if (complete()) props.onInsert({ ...values() })
      }}
    >
      <p id={`${base}-legend`} class="scripts-variables__legend">
        {t('scripts.fillIn', { title: props.title })}
      </p>
      <For each={props.names}>
        {(name, index) => (
          <label class="field">
            <span class="scripts-variables__name">{name}</span>
            <input
              ref={(el) => {
                if (index() === 0) first = el
              }}
              type="text"
              autocomplete="off"
              value={values()[name] ?? ''}
              onInput={(event) => {
                const value = event.currentTarget.value
                setValues((current) => ({ ...current, [name]: value }))
              }}
            />
          </label>
        )}
      </For>
      <Show when={props.error}>
        <p role="alert" class="error">
          {props.error}
        </p>
      </Show>
      <div class="scripts-dialog__actions">
        <button type="button" class="button" onClick={() => props.onBack()}>
          {t('scripts.back')}
        </button>
        <button type="submit" class="button button--primary" disabled={!complete()}>
          {t('scripts.insert')}
        </button>
      </div>
    </form>
  )
}
