/**
 * The `Session tools` toolbar (quick buttons) and the `Session menu` (every
 * tool). Both render one list, so the menu always reaches every function.
 * The toolbar follows the ARIA toolbar pattern: one tab stop, arrow keys move.
 * Buttons show an icon and, on wide screens, a short label that is part of their name.
 */
import { For, Show } from 'solid-js'
import { DropdownMenu } from '@kobalte/core/dropdown-menu'
import { t } from '../../i18n/i18n'
import { Icon, type IconName } from '../shell/Icon'
import { FontSizeButtons, type FontSizeControl } from './FontSizeButtons'

/** One session function. */
export interface SessionTool {
  id: string
  label: string
  /** Shown beside the icon on wide screens; always a part of `label`, so what people see is what they can say. */
  short: string
  icon: IconName
  /** Shown as a quick button in the toolbar, not only in the menu. */
  quick: boolean
  /** For toggles: current state (`aria-pressed`). */
  pressed?: boolean
  run(): void
}

/** Toolbar plus menu over the same tools. */
export function SessionToolbar(props: { tools: SessionTool[]; font: FontSizeControl }) {
  let bar: HTMLDivElement | undefined
  let tools: HTMLDivElement | undefined
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
    <div ref={tools} class="session-tools">
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
              <Icon name={tool.icon} />
              <span class="toolbar__short" aria-hidden="true">
                {tool.short}
              </span>
            </button>
          )}
        </For>
        <FontSizeButtons font={props.font} />
      </div>
      {/* Not modal: a modal menu aria-hides the page while its controls stay focusable (axe aria-hidden-focus); Escape, Tab and outside clicks still close it. */}
      <DropdownMenu modal={false}>
        <DropdownMenu.Trigger class="button" aria-label={t('tools.menu')}>
          <Icon name="menu" />
          {t('tools.menu')}
        </DropdownMenu.Trigger>
        {/* Inside the session's landmark, not at the end of body (axe region). */}
        <DropdownMenu.Portal mount={tools}>
          <DropdownMenu.Content class="menu">
            <For each={props.tools}>
              {(tool) => (
                <Show
                  when={tool.pressed !== undefined}
                  fallback={
                    <DropdownMenu.Item class="menu__item" onSelect={() => tool.run()}>
                      <Icon name={tool.icon} />
                      {tool.label}
                    </DropdownMenu.Item>
                  }
                >
                  <DropdownMenu.CheckboxItem class="menu__item" checked={tool.pressed} onChange={() => tool.run()}>
                    <Icon name={tool.icon} />
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
