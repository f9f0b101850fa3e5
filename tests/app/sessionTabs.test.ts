// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createRoot, createSignal } from 'solid-js'
import * as Y from 'yjs'
import { appendEntry, readTranscript } from '../../src/doc/transcript'
import type { Entry } from '../../src/doc/entry'
import { initRepDoc } from '../../src/doc/session'
import { createSessionTabs, type TabsWorkspace } from '../../src/app/console/sessionTabs'
import type { Attention } from '../../src/app/console/repWorkspace'
import { createSessionActivity } from '../../src/app/session/sessionActivity'
import { PREFS_RULES, reactivePrefs, type PrefsStore } from '../../src/app/shell/prefsStore'
import type { Notifier, NotifyMessage } from '../../src/app/shell/notify'
import { parsePrefs } from '../../src/store/prefs'

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0)

function fakeNotifier() {
  const shown: NotifyMessage[] = []
  const badges: number[] = []
  let beeps = 0
  let hidden = false
  const listeners = new Set<() => void>()
  const notifier: Notifier = {
    isHidden: () => hidden,
    onVisibilityChange: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    permission: () => 'granted',
    requestPermission: async () => 'granted',
    notify: (message) => shown.push(message),
    beep: () => beeps++,
    setBadge: (count) => badges.push(count),
  }
  return {
    notifier,
    shown,
    badges,
    beeps: () => beeps,
    setHidden(next: boolean) {
      hidden = next
      listeners.forEach((listener) => listener())
    },
  }
}

function session(sessionId: string) {
  const repDoc = new Y.Doc()
  initRepDoc(repDoc, { sessionId, createdAt: T0, portal: 'link', customerKey: 'k' })
  return { sessionId, repDoc }
}

const customerSays = (doc: Y.Doc, text: string) =>
  appendEntry(doc, { kind: 'chat', audience: 'all', authorId: 'cust', authorName: 'Carla', authorRole: 'customer', text })
const repSays = (doc: Y.Doc, text: string, audience: 'all' | 'reps' = 'all', at = Date.now()) =>
  appendEntry(doc, { kind: 'chat', audience, authorId: 'me', authorName: 'Ana', authorRole: 'rep', text, at })

function setup() {
  const sessions = [session('s1'), session('s2')]
  const [activeId, select] = createSignal<string | undefined>('s1')
  let attention: Attention | undefined
  // Real activity trackers over real docs, as the session models make them; the workspace slice is typed, not cast.
  const activities = new Map(
    sessions.map((s) => [
      s.sessionId,
      createSessionActivity(s.repDoc, {
        sessionId: s.sessionId,
        repId: 'me',
        startedAt: T0,
        isSeen: () => attention?.isSeen(s.sessionId) ?? false,
        onCustomerMessage: (entry) => attention?.onCustomerMessage(s.sessionId, entry),
      }),
    ]),
  )
  const workspace: TabsWorkspace = {
    phase: () => 'ready',
    tabs: () => sessions.map((s, index) => ({ sessionId: s.sessionId, createdAt: T0 + index, customerName: 'Carla', state: 'active' as const, lastActivity: T0, reps: ['me'], teamId: 't' })),
    activeId,
    select: (id: string) => select(id),
    activityOf: (id: string) => activities.get(id),
    setAttention: (next) => (attention = next),
  }
  const [prefs, setPrefs] = reactivePrefs(parsePrefs({ yellowAfterS: 2, redAfterS: 4 }))
  const prefsStore: PrefsStore = { ...PREFS_RULES, prefs, update: (change) => setPrefs(change) }
  const fake = fakeNotifier()
  const tabs = createSessionTabs(workspace, prefsStore, fake.notifier)
  return { sessions, tabs, fake, prefsStore, docOf: (i: number) => sessions[i]!.repDoc }
}

let dispose: (() => void) | undefined
afterEach(() => {
  dispose?.()
  dispose = undefined
  vi.useRealTimers()
  localStorage.clear()
})
const inRoot = <T,>(fn: () => T): T => createRoot((d) => ((dispose = d), fn()))

describe('session tabs model', () => {
  it('counts customer messages on a tab in the background and clears them when it is selected', () => {
    const { tabs, docOf, fake } = inRoot(setup)
    customerSays(docOf(1), 'hello?')
    customerSays(docOf(1), 'anyone?')
    customerSays(docOf(0), 'in front: read at once')
    repSays(docOf(1), 'rep messages are never unread')
    expect([tabs.unread('s1'), tabs.unread('s2'), tabs.totalUnread()]).toEqual([0, 2, 2])
    expect(fake.badges.at(-1)).toBe(2)
    expect(tabs.nextUnread()).toBe('s2')
    expect([tabs.unread('s2'), tabs.totalUnread(), fake.badges.at(-1)]).toEqual([0, 0, 0])
    expect(fake.shown).toEqual([]) // the page is visible: no system notification
  })

  it('while the page is hidden, even the tab in front collects unread messages, beeps and notifies', () => {
    const { tabs, docOf, fake, prefsStore } = inRoot(setup)
    fake.setHidden(true)
    customerSays(docOf(0), 'are you there?')
    expect(tabs.unread('s1')).toBe(1)
    expect(fake.beeps()).toBe(1)
    expect(fake.shown.map((m) => [m.title, m.body, m.tag])).toEqual([['New message from Carla', 'are you there?', 's1']])
    expect(fake.badges.at(-1)).toBe(1)

    prefsStore.update({ chatSound: false })
    customerSays(docOf(1), 'me too')
    expect(fake.beeps()).toBe(1)
    expect(fake.shown).toHaveLength(2)

    fake.shown[1]?.onClick()
    expect(tabs.activeId()).toBe('s2')
    expect(tabs.revealed()).toEqual({ sessionId: 's2' })
    fake.setHidden(false)
    expect([tabs.unread('s1'), tabs.unread('s2')]).toEqual([1, 0])
  })

  it('the idle colour follows the clock and only the rep’s messages to the customer reset it', () => {
    vi.useFakeTimers({ now: T0 })
    const { tabs, docOf } = inRoot(setup)
    expect(tabs.idle('s1')).toEqual({ colour: 'green', seconds: 0 })
    vi.advanceTimersByTime(2_000)
    expect(tabs.idle('s1').colour).toBe('yellow')
    vi.advanceTimersByTime(2_000)
    expect(tabs.idle('s1')).toEqual({ colour: 'red', seconds: 4 })
    repSays(docOf(0), 'reps only', 'reps')
    customerSays(docOf(0), 'customer writes')
    expect(tabs.idle('s1').colour).toBe('red')
    repSays(docOf(0), 'to the customer')
    vi.advanceTimersByTime(1_000)
    expect(tabs.idle('s1')).toEqual({ colour: 'green', seconds: 1 })
    expect(tabs.idle('s2').colour).toBe('red')
  })

  it('a rep message moves the idle clock in the next task, not inside the Enter that wrote it', () => {
    vi.useFakeTimers({ now: T0 })
    const doc = new Y.Doc()
    initRepDoc(doc, { sessionId: 'r4', createdAt: T0, portal: 'link', customerKey: 'k' })
    const activity = inRoot(() => createSessionActivity(doc, { sessionId: 'r4', repId: 'me', startedAt: T0, isSeen: () => true }))
    expect(activity.lastSentAt()).toBe(T0)
    repSays(doc, 'first', 'all', T0 + 5_000)
    repSays(doc, 'second', 'all', T0 + 7_000)
    expect(activity.lastSentAt()).toBe(T0)
    vi.advanceTimersByTime(0)
    expect(activity.lastSentAt()).toBe(T0 + 7_000)
  })

  it('saves the tab layout', () => {
    const { tabs } = inRoot(setup)
    tabs.step(1)
    expect(JSON.parse(localStorage.getItem('asiste:tabs') ?? '{}')).toEqual({ order: ['s1', 's2'], active: 's2' })
  })
})

describe('unread counts', () => {
  it('survive a reload: a session reopened counts exactly the customer messages after what was read', () => {
    const doc = new Y.Doc()
    initRepDoc(doc, { sessionId: 'r1', createdAt: T0, portal: 'link', customerKey: 'k' })
    let seen = true
    const open = () => inRoot(() => createSessionActivity(doc, { sessionId: 'r1', repId: 'me', startedAt: T0, isSeen: () => seen }))
    const first = open()
    customerSays(doc, 'read while in front')
    seen = false
    customerSays(doc, 'one')
    customerSays(doc, 'two')
    expect(first.unread()).toBe(2)
    dispose?.() // the page goes away
    const reopened = open()
    expect(reopened.unread()).toBe(2)
    reopened.markRead()
    dispose?.()
    expect(open().unread()).toBe(0)
  })
  it('reopened from the transcript already parsed, a session counts the same unread messages and last reply as from its doc', () => {
    const doc = new Y.Doc()
    initRepDoc(doc, { sessionId: 'r3', createdAt: T0, portal: 'link', customerKey: 'k' })
    const open = (entries?: Entry[]) => inRoot(() => createSessionActivity(doc, { sessionId: 'r3', repId: 'me', startedAt: T0, isSeen: () => false }, entries))
    customerSays(doc, 'read before the reload')
    open().markRead()
    dispose?.()
    customerSays(doc, 'one')
    appendEntry(doc, { kind: 'chat', audience: 'all', authorId: 'me', authorName: 'Me', authorRole: 'rep', text: 'answer', at: T0 + 5_000 })
    customerSays(doc, 'two')
    const fromDoc = open()
    const counted = { unread: fromDoc.unread(), lastSentAt: fromDoc.lastSentAt() }
    dispose?.()
    const fromTranscript = open(readTranscript(doc))
    expect(counted).toEqual({ unread: 2, lastSentAt: T0 + 5_000 })
    expect({ unread: fromTranscript.unread(), lastSentAt: fromTranscript.lastSentAt() }).toEqual(counted)
  })
  it('a message that arrives late with an older id (written offline) is still unread after a reload', () => {
    const doc = new Y.Doc()
    initRepDoc(doc, { sessionId: 'r2', createdAt: T0, portal: 'link', customerKey: 'k' })
    const open = () => inRoot(() => createSessionActivity(doc, { sessionId: 'r2', repId: 'me', startedAt: T0, isSeen: () => false }))
    customerSays(doc, 'newest first')
    const first = open()
    first.markRead()
    // The customer typed this offline, earlier: its id sorts before what the rep already read.
    doc.getMap('entries').set('00000000a.0000.offline', { kind: 'chat', audience: 'all', authorId: 'cust', authorName: 'Carla', authorRole: 'customer', text: 'typed offline', at: T0 })
    expect(first.unread()).toBe(1)
    dispose?.()
    expect(open().unread()).toBe(1)
  })
})
