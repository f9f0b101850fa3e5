/**
 * The `Session tools` toolbar (quick buttons) and the `Session menu` (every
 * tool). Both render one list, so the menu always reaches every function.
 * The toolbar follows the ARIA toolbar pattern: one tab stop, arrow keys move.
 */
import { For, Show } from 'solid-js'
import { DropdownMenu } from '@kobalte/core/dropdown-menu'
import { t } from '../../i18n/i18n'

/** One session function. */
export interface SessionTool {
  id: string
  label: string
  /** A short glyph for the toolbar button (decorative; the label is the accessible name). */
  glyph: string
  /** Shown as a quick button in the toolbar, not only in the menu. */
  quick: boolean
  /** For toggles: current state (`aria-pressed`). */
  pressed?: boolean
  run(): void
}

/** Toolbar plus menu over the same tools. */
export function SessionToolbar(props: { tools: SessionTool[] }) {
  let bar: HTMLDivElement | undefined
  const onKeyDown = (event: KeyboardEvent): void => {
    const keys = ['ArrowRight', 'ArrowLeft', 'Home', 'End']
    if (!bar || !keys.includes(event.key)) return
    const buttons = [...bar.querySelectorAll<HTMLButtonElement>(':scope > button')]
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement)
    const last = buttons.length - 1
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? last : event.key === 'ArrowRight' ? (current + 1) % buttons.length : (current - 1 + buttons.length) % buttons.length
    event.preventDefault()
    buttons.forEach((button, index) => (button.tabIndex = index === next ? 0 : -1))
    buttons[next]?.focus()
  }
  return (
    <div class="session-tools">
      <div ref={bar} role="toolbar" aria-label={t('tools.label')} class="toolbar" onKeyDown={onKeyDown}>
        <For each={props.tools.filter((tool) => tool.quick)}>
          {(tool, index) => (
            <button
              type="button"
              class="toolbar__button"
              aria-label={tool.label}
              title={tool.label}
              aria-pressed={tool.pressed === undefined ? undefined : tool.pressed}
              tabIndex={index() === 0 ? 0 : -1}
              onClick={() => tool.run()}
            >
              <span aria-hidden="true">{tool.glyph}</span>
            </button>
          )}
        </For>
      </div>
      {/* Not modal: a modal menu aria-hides the page while its controls stay focusable (axe aria-hidden-focus); Escape, Tab and outside clicks still close it. */}
      <DropdownMenu modal={false}>
        <DropdownMenu.Trigger class="button" aria-label={t('tools.menu')}>
          <span aria-hidden="true">☰ </span>
          {t('tools.menu')}
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content class="menu">
            <For each={props.tools}>
              {(tool) => (
                <Show
                  when={tool.pressed !== undefined}
                  fallback={
                    <DropdownMenu.Item class="menu__item" onSelect={() => tool.run()}>
                      <span aria-hidden="true" class="menu__glyph">{tool.glyph}</span>
                      {tool.label}
                    </DropdownMenu.Item>
                  }
                >
                  <DropdownMenu.CheckboxItem class="menu__item" checked={tool.pressed} onChange={() => tool.run()}>
                    <span aria-hidden="true" class="menu__glyph">{tool.glyph}</span>
                    {tool.label}
                  </DropdownMenu.CheckboxItem>
                </Show>
              )}
            </For>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu>
    </div>
  )
}
