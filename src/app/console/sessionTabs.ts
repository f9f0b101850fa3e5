/**
 * The console's session tabs: their order (kept locally), per-session unread
 * counts and idle colours on a ticking clock, the per-session view state, and
 * getting the rep's attention (sound, system notification, app badge) when a
 * customer writes while the console is in the background.
 */
import { createEffect, createMemo, createSignal, onCleanup, untrack, type Accessor } from 'solid-js'
import type { SessionSummary } from '../../doc/team'
import type { Entry } from '../../doc/entry'
import { loadTabLayout, saveTabLayout } from '../../store/tabLayout'
import { t } from '../../i18n/i18n'
import type { RepWorkspace } from './repWorkspace'
import type { PrefsStore } from '../shell/prefsStore'
import { createClock } from '../shell/clock'
import { idleColour, idleSeconds, type IdleColour } from '../shell/idle'
import { arrangeTabs, nextUnreadTab, stepTab } from './tabNavigation'
import { createBrowserNotifier, type Notifier, type NotifyPermission } from '../shell/notify'

/** Longest message excerpt in a system notification: the rest is one click away. */
const NOTIFY_BODY_CHARS = 140
/** At most one beep per this many ms: a synced batch of messages should not play a tune. */
const BEEP_GAP_MS = 1_000

/** A tab's idle state: colour and whole seconds since the rep last wrote to the customer. */
export interface TabIdle {
  colour: IdleColour
  seconds: number
}

/** The tabs' state and actions. */
export interface SessionTabs {
  /** Open sessions' ids, left to right. */
  ids: Accessor<string[]>
  summary(sessionId: string): SessionSummary | undefined
  activeId: Accessor<string | undefined>
  select(sessionId: string): void
  /** Selects the next (1) or previous (-1) session, wrapping; returns it. */
  step(direction: 1 | -1): string | undefined
  /** Selects the next session with unread messages, if any; returns it. */
  nextUnread(): string | undefined
  unread(sessionId: string): number
  totalUnread: Accessor<number>
  idle(sessionId: string): TabIdle
  /** System notifications: permission, asked for only from a user action. */
  notificationPermission: Accessor<NotifyPermission>
  enableNotifications(): Promise<void>
  /** The session whose notification the rep clicked last: its tab takes the keyboard focus. */
  revealed: Accessor<{ sessionId: string } | undefined>
}

const sameIds = (a: string[], b: string[]): boolean => a.length === b.length && a.every((id, index) => id === b[index])

/** The part of the workspace the tabs follow. */
export type TabsWorkspace = Pick<RepWorkspace, 'phase' | 'tabs' | 'activeId' | 'select' | 'activityOf' | 'setAttention'>

/** Creates the tabs model for a workspace. Must run inside a reactive owner. */
export function createSessionTabs(workspace: TabsWorkspace, prefs: PrefsStore, notifier: Notifier = createBrowserNotifier()): SessionTabs {
  const [hidden, setHidden] = createSignal(notifier.isHidden())
  onCleanup(notifier.onVisibilityChange(() => setHidden(notifier.isHidden())))
  const [permission, setPermission] = createSignal(notifier.permission())
  const [revealed, setRevealed] = createSignal<{ sessionId: string }>()
  const now = createClock()
  const storedOrder = loadTabLayout().order
  const ordered = createMemo(() => arrangeTabs(workspace.tabs(), storedOrder))
  const ids = createMemo(() => ordered().map((row) => row.sessionId), [], { equals: sameIds })
  const summaries = createMemo(() => new Map(ordered().map((row) => [row.sessionId, row])))
  let lastBeep = -Infinity

  const select = (sessionId: string): void => workspace.select(sessionId)
  const reveal = (sessionId: string): void => {
    select(sessionId)
    setRevealed({ sessionId })
  }
  const onCustomerMessage = (sessionId: string, entry: Entry): void => {
    if (!hidden()) return
    if (prefs.prefs.chatSound && Date.now() - lastBeep >= BEEP_GAP_MS) {
      lastBeep = Date.now()
      notifier.beep()
    }
    const name = entry.authorName || untrack(summaries).get(sessionId)?.customerName || t('console.waiting')
    notifier.notify({ title: t('tabs.notifyTitle', { name }), body: entry.text.slice(0, NOTIFY_BODY_CHARS), tag: sessionId, onClick: () => reveal(sessionId) })
  }

  const onIntakeWaiting = (sessionId: string, customerName: string, request: string): void => {
    if (prefs.prefs.chatSound && Date.now() - lastBeep >= BEEP_GAP_MS) {
      lastBeep = Date.now()
      notifier.beep()
    }
    if (hidden()) notifier.notify({ title: t('intake.notifyTitle', { name: customerName }), body: request.slice(0, NOTIFY_BODY_CHARS), tag: `intake:${sessionId}`, onClick: () => reveal(sessionId) })
  }

  workspace.setAttention({
    isSeen: (sessionId) => workspace.activeId() === sessionId && !hidden(),
    onCustomerMessage,
    onIntakeWaiting,
  })
  const activities = createMemo(() => new Map(ids().flatMap((sessionId) => {
    const activity = workspace.activityOf(sessionId)
    return activity ? [[sessionId, activity] as const] : []
  })))
  const unread = (sessionId: string): number => activities().get(sessionId)?.unread() ?? 0
  const totalUnread = createMemo(() => [...activities().values()].reduce((sum, activity) => sum + activity.unread(), 0))

  // What the rep looks at is read.
  createEffect(() => {
    const active = workspace.activeId()
    if (active !== undefined && !hidden()) activities().get(active)?.markRead()
  })
  createEffect(() => notifier.setBadge(totalUnread()))
  createEffect(() => {
    if (workspace.phase() === 'ready') saveTabLayout({ order: ids(), active: workspace.activeId() })
  })

  const go = (target: string | undefined): string | undefined => {
    if (target !== undefined) select(target)
    return target
  }
  return {
    ids,
    summary: (sessionId) => summaries().get(sessionId),
    activeId: workspace.activeId,
    select,
    step: (direction) => go(stepTab(ids(), workspace.activeId(), direction)),
    nextUnread: () => go(nextUnreadTab(ids(), workspace.activeId(), unread)),
    unread,
    totalUnread,
    idle(sessionId) {
      const last = activities().get(sessionId)?.lastSentAt() ?? now()
      return { colour: idleColour(last, now(), prefs.prefs.yellowAfterS, prefs.prefs.redAfterS), seconds: idleSeconds(last, now()) }
    },
    notificationPermission: permission,
    async enableNotifications() {
      setPermission(await notifier.requestPermission())
    },
    revealed,
  }
}
