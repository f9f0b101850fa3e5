/**
 * What a transcript announces through its polite live region: the chat messages of others that arrived
 * since the last announcement (the log itself stays quiet, so rows that re-render are never read twice).
 */
import { createEffect, createSignal, on, type Accessor } from 'solid-js'
import type { Entry } from '../../doc/entry'

/** The text to announce, updated when entries from someone else than `selfId` are appended. */
export function createNewMessageAnnouncer(entries: Accessor<Entry[]>, selfId: Accessor<string | undefined>): Accessor<string> {
  const [announcement, setAnnouncement] = createSignal('')
  let announcedUpTo = entries().at(-1)?.id ?? ''
  createEffect(
    on(
      () => entries().at(-1)?.id,
      (lastId) => {
        if (lastId === undefined || lastId <= announcedUpTo) return
        const list = entries()
        const fresh = []
        for (let i = list.length - 1; i >= 0; i--) {
          const entry = list[i]
          if (!entry || entry.id <= announcedUpTo) break
          if (entry.kind === 'chat' && entry.authorId !== selfId()) fresh.unshift(entry)
        }
        announcedUpTo = lastId
        if (fresh.length > 0) setAnnouncement(fresh.map((entry) => `${entry.authorName}: ${entry.text}`).join('\n'))
      },
      { defer: true },
    ),
  )
  return announcement
}
