/**
 * The `Session menu`: every session tool in one dropdown (Kobalte's menu,
 * placed with floating-ui). Its own chunk: SessionToolbar shows a stand-in
 * button of the same name and loads this on the first press, then hands the
 * press on (`replay`) so that one click or Enter opens the menu.
 */
import { For, Show, onMount } from 'solid-js'
import { DropdownMenu } from '@kobalte/core/dropdown-menu'
import { t } from '../../i18n/i18n'
import { Icon } from '../shell/Icon'
import type { MenuPress, SessionTool } from './sessionTool'

/** Props: the tools, where the popup mounts (inside the session's landmark, not at the end of body: axe region), and the press to replay. */
export interface SessionMenuProps {
  tools: SessionTool[]
  mount: HTMLElement | undefined
  press: MenuPress | undefined
  /** The stand-in had focus when this replaced it (without a press): the real button takes it over. */
  focus: boolean
}

/** Hands `press` to the trigger as the same kind of event, which Kobalte answers by opening the menu (first item focused for keys). */
function replay(trigger: HTMLButtonElement, press: MenuPress): void {
  trigger.focus()
  if (press.kind === 'key') {
    trigger.dispatchEvent(new KeyboardEvent('keydown', { key: press.key, bubbles: true, cancelable: true }))
    return
  }
  trigger.dispatchEvent(new PointerEvent('pointerdown', { pointerType: press.pointerType, button: 0, bubbles: true, cancelable: true }))
  // Kobalte opens a touch press on click, a mouse press on pointerdown.
  if (press.pointerType === 'touch') trigger.click()
}

/** The menu and its trigger. */
export function SessionMenu(props: SessionMenuProps) {
  let trigger: HTMLButtonElement | undefined
  onMount(() => {
    if (trigger && props.press) replay(trigger, props.press)
    else if (props.focus) trigger?.focus()
  })
  return (
    // Not modal: a modal menu aria-hides the page while its controls stay focusable (axe aria-hidden-focus); Escape, Tab and outside clicks still close it.
    <DropdownMenu modal={false}>
      <DropdownMenu.Trigger ref={trigger} class="button" aria-label={t('tools.menu')}>
        <Icon name="menu" />
        {t('tools.menu')}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal mount={props.mount}>
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
  )
}
