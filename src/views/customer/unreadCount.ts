/**
 * Messages from the representatives the customer has not had on screen: they
 * arrived while the page was hidden or another window had the focus. The page
 * title shows the count, so a customer on another tab sees that someone answered.
 */
import { createEffect, createMemo, createSignal, on, onCleanup, type Accessor } from 'solid-js'
import type { Entry } from '../../doc/entry'

/** The unread count of `entries` for the reader `selfId`. Must run inside a reactive owner. */
export function createUnreadCount(entries: Accessor<Entry[]>, selfId: Accessor<string | undefined>): Accessor<number> {
  const newest = (): string => entries().at(-1)?.id ?? ''
  const [seenUpTo, setSeenUpTo] = createSignal(newest())
  const catchUp = (): void => {
    if (document.visibilityState === 'visible' && document.hasFocus()) setSeenUpTo(newest())
  }
  createEffect(on(newest, catchUp))
  document.addEventListener('visibilitychange', catchUp)
  window.addEventListener('focus', catchUp)
  onCleanup(() => {
    document.removeEventListener('visibilitychange', catchUp)
    window.removeEventListener('focus', catchUp)
  })
  return createMemo(() => {
    const list = entries()
    const upTo = seenUpTo()
    let count = 0
    for (let i = list.length - 1; i >= 0; i--) {
      const entry = list[i]
      if (!entry || entry.id <= upTo) break
      if (entry.kind !== 'status' && entry.authorId !== selfId()) count++
    }
    return count
  })
}
