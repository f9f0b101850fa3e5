/**
 * The customer side of Push URL: a URL the rep pushes while the customer is
 * here opens in a new tab; when the browser blocks the pop-up the page offers
 * an `Open link` button instead. Anything but http(s) is never opened and is
 * reported to the reps. Each outcome is noted once (event key per URL entry).
 */
import { createSignal, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import { appendStatusNote, entriesMap, hasEventNote } from '../../doc/transcript'
import { customerWriter } from '../session/writers'
import { isWebUrl, parseEntry } from '../../doc/entry'
import { isRecord } from '../../doc/guards'
import type { CustomerIdentity } from '../../store/profile'

/** Longest refused text quoted back to the rep. */
const MAX_QUOTED_CHARS = 200

/** A pushed URL that the browser would not open by itself. */
export interface BlockedUrl {
  entryId: string
  url: string
}

/** Opens `url` in a new tab without giving it a handle on this page; false when blocked. */
export function openInNewTab(url: string): boolean {
  const opened = window.open('about:blank', '_blank')
  if (!opened) return false
  opened.opener = null
  opened.location.href = url
  return true
}

/** Handles URLs pushed from now on. Returns the blocked ones (for `Open link`) and a stop function. */
export function handlePushedUrls(doc: Y.Doc, me: () => CustomerIdentity | undefined, open = openInNewTab): { blocked: Accessor<BlockedUrl[]>; stop: () => void } {
  const [blocked, setBlocked] = createSignal<BlockedUrl[]>([])
  const map = entriesMap(doc)
  const note = (event: 'urlOpened' | 'urlBlocked' | 'urlRefused', ref: string | undefined, text: string, key: string): void => {
    const customer = me()
    if (!customer || hasEventNote(doc, key)) return
    appendStatusNote(doc, customerWriter(customer), event, { eventKey: key, ...(ref ? { ref } : {}), text: text.slice(0, MAX_QUOTED_CHARS) })
  }
  const onEntries = (event: Y.YMapEvent<unknown>): void => {
    if (event.transaction.local) return // only what a rep pushes while this page is open
    event.changes.keys.forEach((change, id) => {
      if (change.action !== 'add') return
      const raw = map.get(id)
      if (!isRecord(raw) || raw.kind !== 'url') return
      const entry = parseEntry(id, raw)
      const key = `url:${id}`
      if (!entry || !isWebUrl(entry.text)) {
        note('urlRefused', undefined, typeof raw.text === 'string' ? raw.text : '', key)
        return
      }
      if (hasEventNote(doc, key)) return
      if (open(entry.text)) note('urlOpened', id, entry.text, key)
      else {
        setBlocked((list) => [...list, { entryId: id, url: entry.text }])
        note('urlBlocked', id, entry.text, key)
      }
    })
  }
  map.observe(onEntries)
  return { blocked, stop: () => map.unobserve(onEntries) }
}
