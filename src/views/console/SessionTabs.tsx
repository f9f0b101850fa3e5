/**
 * The `Sessions` tablist: one tab per open session, named by the customer,
 * with an unread count and an idle icon (colour and shape, plus text) that
 * ages on a ticking clock. Arrow keys, Home and End move and select (roving
 * tabindex); Alt+Shift+ArrowDown/ArrowUp/U switch sessions from anywhere.
 */
import { For, Show, createEffect, createMemo, on, onCleanup } from 'solid-js'
import type { SessionTabs as TabsModel } from '../../app/console/sessionTabs'
import type { IdleColour } from '../../app/shell/idle'
import { tablistMove, useShortcuts } from '../shell/shortcuts'
import { t } from '../../i18n/i18n'
import { formatDuration } from '../../i18n/format'
import './tabs.css'

/** Not colour alone: each colour has its own shape. */
const IDLE_GLYPHS: Record<IdleColour, string> = { green: '●', yellow: '▲', red: '■' }


/** The session tabs. */
export function SessionTabs(props: { tabs: TabsModel }) {
  const tabElements = new Map<string, HTMLElement>()
  const composerOf = (sessionId: string) => document.getElementById(`panel-${sessionId}`)?.querySelector<HTMLElement>('.composer__box')

  /** Keeps the rep where they were: typing goes on in the new session's composer, else focus lands on its tab. */
  const focusSession = (sessionId: string, wasTyping: boolean): void => {
    const target = (wasTyping && composerOf(sessionId)) || tabElements.get(sessionId)
    target?.focus()
  }
  const onTablistKey = (event: KeyboardEvent): void => {
    const move = tablistMove(event.key)
    const ids = props.tabs.ids()
    const target = move === 'first' ? ids[0] : move === 'last' ? ids.at(-1) : move ? props.tabs.step(move === 'next' ? 1 : -1) : undefined
    if (target === undefined) return
    event.preventDefault()
    props.tabs.select(target)
    tabElements.get(target)?.focus()
  }
  useShortcuts((shortcut) => {
    if (shortcut !== 'next' && shortcut !== 'previous' && shortcut !== 'nextUnread') return false
    const wasTyping = document.activeElement?.classList.contains('composer__box') ?? false
    const target = shortcut === 'nextUnread' ? props.tabs.nextUnread() : props.tabs.step(shortcut === 'next' ? 1 : -1)
    if (target !== undefined) focusSession(target, wasTyping)
    return true
  })

  createEffect(on(props.tabs.revealed, (revealed) => revealed && tabElements.get(revealed.sessionId)?.focus(), { defer: true }))
  createEffect(() => {
    const active = props.tabs.activeId()
    if (active !== undefined) tabElements.get(active)?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' })
  })

  return (
    <div role="tablist" aria-label={t('console.sessions')} class="tabs" onKeyDown={onTablistKey}>
      <For each={props.tabs.ids()}>
        {(sessionId) => {
          const idle = createMemo(() => props.tabs.idle(sessionId))
          const unread = () => props.tabs.unread(sessionId)
          const selected = () => props.tabs.activeId() === sessionId
          const name = () => props.tabs.summary(sessionId)?.customerName || t('console.waiting')
          // One name for assistive tech, starting with the customer: "Carla, 2 unread, idle 45 s".
          const label = () => [name(), ...(unread() > 0 ? [t('tabs.unread', { count: unread() })] : []), t('tabs.idle', { time: formatDuration(idle().seconds) })].join(', ')
          onCleanup(() => tabElements.delete(sessionId))
          return (
            <button
              type="button"
              role="tab"
              ref={(element) => tabElements.set(sessionId, element)}
              id={`tab-${sessionId}`}
              class="tabs__tab"
              aria-selected={selected()}
              aria-controls={`panel-${sessionId}`}
              tabindex={selected() ? 0 : -1}
              aria-label={label()}
              data-idle={idle().colour}
              data-unread={unread() > 0 ? unread() : undefined}
              onClick={() => props.tabs.select(sessionId)}
            >
              <span class="tabs__name">{name()}</span>
              <Show when={unread() > 0}>
                <span class="tabs__unread">{unread()}</span>
              </Show>
              <span class="tabs__idle" title={t('tabs.idleTitle', { time: formatDuration(idle().seconds) })}>
                {IDLE_GLYPHS[idle().colour]}
              </span>
            </button>
          )
        }}
      </For>
    </div>
  )
}
