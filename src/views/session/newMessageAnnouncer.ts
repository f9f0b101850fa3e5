/**
 * What a transcript announces through its polite live region: the chat messages and file offers of others
 * that arrived since the last announcement (the log itself stays quiet, so rows that re-render are never
 * read twice; an offer waits for an answer inside it, so it is said, as the old offer dialog was).
 */
import { createEffect, createSignal, on, type Accessor } from 'solid-js'
import type { Entry } from '../../doc/entry'
import { statusNoteText } from './entryText'

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
        const fresh: string[] = []
        for (let i = list.length - 1; i >= 0; i--) {
          const entry = list[i]
          if (!entry || entry.id <= announcedUpTo) break
          if (entry.authorId === selfId()) continue
          if (entry.kind === 'chat') fresh.unshift(`${entry.authorName}: ${entry.text}`)
          else if (entry.event === 'fileOffered') fresh.unshift(statusNoteText(entry, false))
        }
        announcedUpTo = lastId
        if (fresh.length > 0) setAnnouncement(fresh.join('\n'))
      },
      { defer: true },
    ),
  )
  return announcement
}
