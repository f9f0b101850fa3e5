/**
 * The picker's `Search` box and the matching scripts as a `listbox` grouped by
 * category. Focus stays in the search box; arrows move the active option
 * (`aria-activedescendant`), Enter or a click chooses it.
 */
import { For, Show, createEffect, createMemo, createSignal, createUniqueId, on } from 'solid-js'
import type { Script } from '../../doc/scripts'
import { filterScripts, groupByCategory } from './filterScripts'
import { t } from '../../i18n/i18n'

/** Props of the search list; `scripts` are the library's scripts of the picker's kind. */
export interface ScriptSearchListProps {
  scripts: Script[]
  query: string
  onQuery: (query: string) => void
  onChoose: (script: Script) => void
  /** Receives the search box, so the dialog can focus it when it opens. */
  inputRef?: (input: HTMLInputElement) => void
}

/** Search box plus listbox of matching scripts. */
export function ScriptSearchList(props: ScriptSearchListProps) {
  const base = createUniqueId()
  const optionId = (script: Script) => `${base}-option-${script.id}`
  const matches = createMemo(() => filterScripts(props.scripts, props.query))
  const [active, setActive] = createSignal(0)
  createEffect(on(() => props.query, () => setActive(0), { defer: true }))
  const activeScript = () => matches()[Math.min(active(), matches().length - 1)]
  const activeId = () => {
    const script = activeScript()
    return script ? optionId(script) : undefined
  }
  createEffect(() => {
    const id = activeId()
    if (id) document.getElementById(id)?.scrollIntoView?.({ block: 'nearest' })
  })

  // Home/End stay with the text box (caret moves); only the arrows and Enter drive the list.
  const onKeyDown = (event: KeyboardEvent): void => {
    const count = matches().length
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && count > 0) {
      event.preventDefault()
      setActive((Math.min(active(), count - 1) + (event.key === 'ArrowDown' ? 1 : count - 1)) % count)
    } else if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault()
      const script = activeScript()
      if (script) props.onChoose(script)
    }
  }

  return (
    <div class="scripts-search">
      <input
        ref={(el) => props.inputRef?.(el)}
        type="search"
        class="scripts-search__box"
        aria-label={t('scripts.search')}
        placeholder={t('scripts.searchPlaceholder')}
        aria-controls={`${base}-listbox`}
        aria-activedescendant={activeId()}
        aria-describedby={`${base}-help`}
        autocomplete="off"
        spellcheck={false}
        value={props.query}
        onInput={(event) => props.onQuery(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <p id={`${base}-help`} class="visually-hidden">
        {t('scripts.pickerHelp')}
      </p>
      <Show when={props.scripts.length > 0 && matches().length === 0}>
        <p class="hint" role="status">
          {t('scripts.noMatch', { query: props.query })}
        </p>
      </Show>
      <div id={`${base}-listbox`} role="listbox" aria-label={t('scripts.results')} class="scripts-list">
        <For each={groupByCategory(matches())}>
          {(group, groupIndex) => (
            <div role="group" aria-labelledby={`${base}-group-${groupIndex()}`} class="scripts-list__group">
              <div role="presentation" id={`${base}-group-${groupIndex()}`} class="scripts-list__category">
                {group.category === '' ? t('scripts.uncategorized') : group.category}
              </div>
              <For each={group.scripts}>
                {(script) => (
                  <div
                    role="option"
                    id={optionId(script)}
                    class="scripts-list__option"
                    aria-selected={activeScript()?.id === script.id}
                    aria-labelledby={`${optionId(script)}-title`}
                    aria-describedby={`${optionId(script)}-text`}
                    onMouseDown={(event) => event.preventDefault()}
                    onMouseMove={() => setActive(matches().indexOf(script))}
                    onClick={() => props.onChoose(script)}
                  >
                    <span id={`${optionId(script)}-title`} class="scripts-list__title">
                      {script.title}
                    </span>
                    <span id={`${optionId(script)}-text`} class="scripts-list__text">
                      {script.text}
                    </span>
                  </div>
                )}
              </For>
            </div>
          )}
        </For>
      </div>
    </div>
  )
}
