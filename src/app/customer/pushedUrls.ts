/**
 * The customer side of Push URL: a URL the rep pushes while the customer is
 * here opens in a new tab once its signature verifies against the session key
 * (entryTrust.ts); when the browser blocks the pop-up the page offers an
 * `Open link` button instead. A URL that does not verify is never opened — with
 * a link that carries no session key, a rep's URL is only offered as a button.
 * Anything but http(s) is never opened and is reported to the reps. Each
 * outcome is noted once (event key per URL entry). A refused link cannot be a
 * rep's (the console refuses to push one), so any peer of the customer room
 * may have written it: the note quotes only a short single line of it, and
 * only the first few refusals of a visit are noted (the note is this page's
 * own entry, signed by the customer's device; a flood must not make it write
 * a flood, nor make it repeat a peer's words at length).
 */
import { createSignal, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import { appendStatusNote, entriesMap, hasEventNote } from '../../doc/transcript'
import { customerWriter } from '../session/writers'
import { isWebUrl, parseEntry, storedFields, type Entry } from '../../doc/entry'
import type { CustomerIdentity } from '../../store/profile'
import type { EntryTrust } from './entryTrust'

/** Longest text quoted back to the rep. */
const MAX_QUOTED_CHARS = 200
/** Longest part of a refused link quoted: enough to recognise it, too short to carry a message. */
export const MAX_REFUSED_QUOTE_CHARS = 48
/** Refused links noted per visit of the page; later ones are not noted. */
export const MAX_REFUSAL_NOTES = 5

/** A refused link as the note quotes it: one line, no control or direction characters, at most MAX_REFUSED_QUOTE_CHARS. */
export function quoteRefusedUrl(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim()
  return line.length > MAX_REFUSED_QUOTE_CHARS ? `${line.slice(0, MAX_REFUSED_QUOTE_CHARS - 1)}…` : line
}

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
  let refusals = 0
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
      const read = storedFields(id, raw)
      if (!('fields' in read) || read.fields.kind !== 'url') return
      const { fields } = read
      const entry = parseEntry(id, raw)
      if (!entry || !isWebUrl(entry.text)) {
        if (fields.authorRole !== 'rep' || refusals >= MAX_REFUSAL_NOTES) return // not a push, or a flood of them
        refusals += 1
        note('urlRefused', undefined, quoteRefusedUrl(typeof fields.text === 'string' ? fields.text : ''), `url:${id}`)
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
