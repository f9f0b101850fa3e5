/**
 * Follows what a customer-side peer forged, altered or tried to slip into the
 * record through the customer doc (see src/doc/tamper.ts) while a rep's view is
 * open, so the view can flag it. Incremental: a full scan once, then only the
 * ids each change touches (the intake and receipts are small: checked whole).
 * A scan of many ids (opening a big session, its customer doc loading) runs in
 * slices, each in idle time (or after TAMPER_IDLE_TIMEOUT_MS at the latest),
 * so the open's own work and the rep's input come first (issue 20).
 */
import type * as Y from 'yjs'
import { entriesMap } from '../../doc/transcript'
import { findTampering, intakeTampering, receiptTampering, type Tampering } from '../../doc/tamper'
import { intakeMap } from '../../doc/intake'
import { receiptsMap } from '../../doc/receipts'
import { signaturesMap } from '../../doc/signatures'
import { metaMap } from '../../doc/session'

/**
 * How long a disagreement must last before it is flagged: a team mate's entry can reach the
 * customer doc a moment before the rep doc; a forgery stays.
 */
export const TAMPER_GRACE_MS = 3_000

/** Ids judged per task in a large scan (a slice takes ~10–30 ms at 100k entries). */
export const TAMPER_SCAN_SLICE = 2_000

/** Longest a slice of a large scan waits for idle time: a busy page still gets its flags within a second or so. */
export const TAMPER_IDLE_TIMEOUT_MS = 1_000

/** Resolves in the page's next idle period (a task of its own where there is no idle callback, as in Node). */
function idleTime(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: TAMPER_IDLE_TIMEOUT_MS })
    else setTimeout(resolve, 0)
  })
}

/** Calls `onChange` with the flagged entries (id order) whenever that list changes. Returns a stop function. */
export function watchTampering(customerDoc: Y.Doc, repDoc: Y.Doc, onChange: (flagged: Tampering[]) => void, graceMs = TAMPER_GRACE_MS, now = () => Date.now()): () => void {
  const suspects = new Map<string, { tampering: Tampering; since: number }>()
  let timer: ReturnType<typeof setTimeout> | undefined
  let last = ''

  const publish = (): void => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    const at = now()
    const flagged: Tampering[] = []
    let nextDue = Infinity
    for (const { tampering, since } of suspects.values()) {
      if (at - since >= graceMs) flagged.push(tampering)
      else nextDue = Math.min(nextDue, since + graceMs - at)
    }
    if (nextDue !== Infinity) timer = setTimeout(publish, nextDue)
    flagged.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    const key = JSON.stringify(flagged)
    if (key !== last) {
      last = key
      onChange(flagged)
    }
  }
  const reconcile = (list: string[], found: Map<string, Tampering>): void => {
    const at = now()
    for (const id of list) {
      const tampering = found.get(id)
      const previous = suspects.get(id)
      if (!tampering) suspects.delete(id)
      else if (!previous || JSON.stringify(previous.tampering) !== JSON.stringify(tampering)) suspects.set(id, { tampering, since: previous?.since ?? at })
    }
  }
  let stopped = false
  const checkNow = (list: readonly string[]): void => {
    reconcile([...list], new Map(findTampering(customerDoc, repDoc, list.filter((id) => entriesMap(customerDoc).has(id)), now()).map((t) => [t.id, t])))
    publish()
  }
  // Ids waiting for a large scan; an entry and its signature arriving together (a load) are judged once.
  const pending = new Set<string>()
  let draining = false
  const drain = async (): Promise<void> => {
    draining = true
    while (pending.size > 0 && !stopped) {
      await idleTime()
      if (stopped) break
      const slice: string[] = []
      for (const id of pending) {
        slice.push(id)
        if (slice.length === TAMPER_SCAN_SLICE) break
      }
      slice.forEach((id) => pending.delete(id))
      checkNow(slice)
    }
    draining = false
  }
  // A few ids (a message, a signature) are judged in a microtask: after the transaction, so its update has
  // already left in the doc's update event (y-webrtc sends there) instead of waiting for this judgement (issue 20, send path).
  // This client's own writes (the rep's message, the relay's copy of it) are judged in a task of their own,
  // after the rep's Enter: they can only clear a suspicion, and a flag waits TAMPER_GRACE_MS anyway.
  const soon = new Set<string>()
  let microtaskQueued = false
  let taskQueued = false
  // Judged in idle time, after the current transaction's other observers, so a load's entries and signatures merge.
  const judgeLater = (list: string[]): void => {
    list.forEach((id) => pending.add(id))
    if (!draining) void drain()
  }
  const judgeSoon = (): void => {
    if (stopped || soon.size === 0) return
    const list = [...soon]
    soon.clear()
    if (!draining && list.length <= TAMPER_SCAN_SLICE) return checkNow(list)
    judgeLater(list)
  }
  const check = (ids: Iterable<string>, local = false): void => {
    const list = [...ids]
    if (!draining && list.length + soon.size <= TAMPER_SCAN_SLICE) {
      list.forEach((id) => soon.add(id))
      if (!local && !microtaskQueued) {
        microtaskQueued = true
        queueMicrotask(() => {
          microtaskQueued = false
          judgeSoon()
        })
      } else if (local && !taskQueued) {
        taskQueued = true
        setTimeout(() => {
          taskQueued = false
          judgeSoon()
        }, 0)
      }
      return
    }
    judgeLater(list)
  }
  const checkWhole = (): void => {
    const found = [intakeTampering(customerDoc, repDoc), ...receiptTampering(customerDoc, repDoc)].filter((t) => t !== undefined)
    const keys = [...suspects.keys()].filter((id) => id === 'intake' || id.startsWith('receipt:'))
    reconcile([...new Set([...keys, ...found.map((t) => t.id)])], new Map(found.map((t) => [t.id, t])))
    publish()
  }
  const onEntries = (event: Y.YMapEvent<unknown>): void => check(event.keysChanged, event.transaction.local)
  const customerEntries = entriesMap(customerDoc)
  const repEntries = entriesMap(repDoc)
  const watched: [Y.Map<unknown>, (event: Y.YMapEvent<unknown>) => void][] = [
    [customerEntries, onEntries],
    [repEntries, onEntries],
    [signaturesMap(customerDoc), onEntries], // a signature arriving late clears an "unsigned" suspicion
    [intakeMap(customerDoc, 'customer'), checkWhole],
    [receiptsMap(customerDoc), checkWhole],
    [receiptsMap(repDoc), checkWhole], // the relay copied (or still refuses) the customer's receipt
    [metaMap(repDoc), () => check(customerEntries.keys())], // the binding arrived: customer entries can be judged
  ]
  for (const [map, handler] of watched) map.observe(handler)
  check(customerEntries.keys())
  checkWhole()
  return () => {
    stopped = true
    for (const [map, handler] of watched) map.unobserve(handler)
    if (timer !== undefined) clearTimeout(timer)
  }
}
