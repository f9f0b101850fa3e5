/**
 * Status notes for attendees who leave and come back, written by each
 * visible rep's client that observes it. Every observer writes the same
 * event key, and readers keep one note per key, so the note shows once
 * however many reps saw it.
 */
import type * as Y from 'yjs'
import { appendStatusNote, hasEventNote, readTranscript } from '../../doc/transcript'
import { repWriter } from './writers'
import type { DocConnection } from '../../net/connectDoc'
import type { RepProfile } from '../../store/profile'

/** How long a customer must be gone before "left" is noted: a reload or a network blip is not leaving. */
export const LEFT_GRACE_MS = 5_000

/** Watches the customer room's presence and writes joined/left notes to the rep doc. Returns a stop function. */
export function watchPresence(repDoc: Y.Doc, connection: DocConnection, me: () => RepProfile): () => void {
  const timers = new Map<string, ReturnType<typeof setTimeout>>()
  let online = new Set<string>()

  const lastNote = (customerId: string): { id: string; event: string } | undefined => {
    const notes = readTranscript(repDoc).filter(
      (entry) => entry.kind === 'status' && (entry.event === 'joined' || entry.event === 'left') && (entry.authorId === customerId || entry.eventKey?.includes(`:${customerId}:`)),
    )
    const last = notes.at(-1)
    return last && last.event ? { id: last.id, event: last.event } : undefined
  }
  const note = (event: 'joined' | 'left', customerId: string, name: string): void => {
    const previous = lastNote(customerId)
    if (!previous || previous.event === event) return
    const eventKey = `${event}:${customerId}:${previous.id}`
    if (hasEventNote(repDoc, eventKey)) return
    const rep = me()
    appendStatusNote(repDoc, repWriter(rep), event, { eventKey, text: name })
  }

  const check = (): void => {
    const customers = connection.onlineUsers().filter((user) => user.role === 'customer')
    const now = new Set(customers.map((user) => user.id))
    for (const user of customers) {
      const pending = timers.get(user.id)
      if (pending) {
        clearTimeout(pending)
        timers.delete(user.id)
      }
      if (!online.has(user.id)) note('joined', user.id, user.name)
    }
    for (const id of online) {
      if (now.has(id) || timers.has(id)) continue
      const name = readTranscript(repDoc).findLast((entry) => entry.authorId === id)?.authorName ?? ''
      timers.set(
        id,
        setTimeout(() => {
          timers.delete(id)
          note('left', id, name)
        }, LEFT_GRACE_MS),
      )
    }
    online = now
  }
  const stop = connection.onChange(check)
  check()
  return () => {
    stop()
    timers.forEach((timer) => clearTimeout(timer))
  }
}
