/**
 * The customer side of Push URL: a URL the rep pushes while the customer is
 * here opens in a new tab once its signature verifies against the session key
 * (entryTrust.ts); when the browser blocks the pop-up the page offers an
 * `Open link` button instead. A URL that does not verify is never opened — with
 * a link that carries no session key, a rep's URL is only offered as a button.
 * Anything but http(s) is never opened and is reported to the reps. Each
 * outcome is noted once (event key per URL entry).
 */
import { createSignal, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import { appendStatusNote, entriesMap, hasEventNote } from '../../doc/transcript'
import { customerWriter } from '../session/writers'
import { isWebUrl, parseEntry, type Entry } from '../../doc/entry'
import { isRecord } from '../../doc/guards'
import type { CustomerIdentity } from '../../store/profile'
import type { EntryTrust } from './entryTrust'

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
export function handlePushedUrls(doc: Y.Doc, me: () => CustomerIdentity | undefined, trust: EntryTrust, open = openInNewTab): { blocked: Accessor<BlockedUrl[]>; stop: () => void } {
  const [blocked, setBlocked] = createSignal<BlockedUrl[]>([])
  const map = entriesMap(doc)
  const note = (event: 'urlOpened' | 'urlBlocked' | 'urlRefused', ref: string | undefined, text: string, key: string): void => {
    const customer = me()
    if (!customer || hasEventNote(doc, key, `customer:${customer.customerId}`)) return
    appendStatusNote(doc, customerWriter(customer), event, { eventKey: key, ...(ref ? { ref } : {}), text: text.slice(0, MAX_QUOTED_CHARS) })
  }
  const offer = (entry: Entry): void => {
    setBlocked((list) => (list.some((item) => item.entryId === entry.id) ? list : [...list, { entryId: entry.id, url: entry.text }]))
    note('urlBlocked', entry.id, entry.text, `url:${entry.id}`)
  }
  const act = (entry: Entry): void => {
    const customer = me()
    if (entry.kind !== 'url' || !customer || hasEventNote(doc, `url:${entry.id}`, `customer:${customer.customerId}`)) return
    if (open(entry.text)) note('urlOpened', entry.id, entry.text, `url:${entry.id}`)
    else offer(entry)
  }
  const onEntries = (event: Y.YMapEvent<unknown>): void => {
    if (event.transaction.local) return // only what a rep pushes while this page is open
    event.changes.keys.forEach((change, id) => {
      if (change.action !== 'add') return
      const raw = map.get(id)
      if (!isRecord(raw) || raw.kind !== 'url') return
      const entry = parseEntry(id, raw)
      if (!entry || !isWebUrl(entry.text)) {
        note('urlRefused', undefined, typeof raw.text === 'string' ? raw.text : '', `url:${id}`)
        return
      }
      // Without a session key in the link nothing can verify: the customer decides, with a button.
      if (!trust.verifiable && entry.authorRole !== 'customer') offer(entry)
    })
  }
  map.observe(onEntries)
  const stopArrivals = trust.onArrival((entries) => entries.forEach(act))
  return {
    blocked,
    stop: () => {
      map.unobserve(onEntries)
      stopArrivals()
    },
  }
}
