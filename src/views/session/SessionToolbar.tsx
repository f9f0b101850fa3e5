/**
 * The `Session tools` toolbar (quick buttons) and the `Session menu` (every
 * tool). Both render one list, so the menu always reaches every function.
 * The toolbar follows the ARIA toolbar pattern: one tab stop, arrow keys move.
 * Buttons show an icon and, on wide screens, a short label that is part of their name.
 */
import { For, Show, createMemo } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import { t } from '../../i18n/i18n'
import { Icon } from '../shell/Icon'
import { makeLoader } from '../shell/lazyPart'
import { FontSizeButtons, type FontSizeControl } from './FontSizeButtons'
import type { MenuPress, SessionTool } from './sessionTool'

// The menu (with Kobalte's menu and floating-ui, ~15 kB gzip) loads on the first press, or as soon as the pointer or focus comes near its button.
const menu = makeLoader(() => import('./SessionMenu').then((module) => module.SessionMenu))

/** Keys that open a menu from its button (WAI-ARIA menu button). */
const MENU_KEYS = new Set(['Enter', ' ', 'ArrowDown', 'ArrowUp'])

/** Looks and is named like the menu's button; a press loads the menu and is handed on to it. */
function MenuStandIn(props: { ref: (button: HTMLButtonElement) => void; onPress: (press: MenuPress) => void; onIntent: () => void }) {
  let pointerType = 'mouse'
  return (
    <button
      ref={(button) => props.ref(button)}
      type="button"
      class="button"
      aria-label={t('tools.menu')}
      aria-haspopup="menu"
      aria-expanded="false"
      onPointerEnter={() => props.onIntent()}
      onFocus={() => props.onIntent()}
      onPointerDown={(event) => {
        pointerType = event.pointerType
        if (event.pointerType !== 'touch' && event.button === 0) props.onPress({ kind: 'pointer', pointerType })
      }}
      onClick={(event) => {
        // A touch opens on click (as Kobalte does); a click from the keyboard (detail 0) was handled on keydown.
        if (pointerType === 'touch' && event.detail !== 0) props.onPress({ kind: 'pointer', pointerType })
      }}
      onKeyDown={(event) => {
        if (!MENU_KEYS.has(event.key)) return
        event.preventDefault()
        props.onPress({ kind: 'key', key: event.key })
      }}
    >
      <Icon name="menu" />
      {t('tools.menu')}
    </button>
  )
}


/** Toolbar plus menu over the same tools. */
export function SessionToolbar(props: { tools: SessionTool[]; font: FontSizeControl }) {
  let bar: HTMLDivElement | undefined
  let tools: HTMLDivElement | undefined
  let press: MenuPress | undefined
  let standIn: HTMLButtonElement | undefined
  // The list is rebuilt whenever a label or a state changes (a language's strings arriving, Spell check pressed):
  // the buttons follow the tools' ids, so they stay the same elements and keep focus and the roving tab stop.
  const quick = createMemo(() => props.tools.filter((tool) => tool.quick))
  const quickIds = createMemo(() => quick().map((tool) => tool.id), [], { equals: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]) })
  const openMenu = (pressed: MenuPress): void => {
    press = pressed
    void menu.want()
  }
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
        <For each={quickIds()}>
          {(id, index) => {
            const tool = (): SessionTool | undefined => quick().find((item) => item.id === id)
            return (
              <button
                type="button"
                class="toolbar__button"
                aria-label={tool()?.label}
                title={tool()?.label}
                aria-pressed={tool()?.pressed}
                tabIndex={index() === 0 ? 0 : -1}
                onClick={() => tool()?.run()}
              >
                <Show when={tool()?.icon} keyed>
                  {(icon) => <Icon name={icon} />}
                </Show>
                <span class="toolbar__short" aria-hidden="true">
                  {tool()?.short}
                </span>
              </button>
            )
          }}
        </For>
        <FontSizeButtons font={props.font} />
      </div>
      <Show when={menu.get()} fallback={<MenuStandIn ref={(button) => (standIn = button)} onPress={openMenu} onIntent={() => void menu.want()} />}>
        {(Menu) => <Dynamic component={Menu()} tools={props.tools} mount={tools} press={press} focus={standIn !== undefined && document.activeElement === standIn} />}
      </Show>
    </div>
  )
}
