/**
 * The tamper watch (tamperWatch.ts, with src/doc/tamper.ts) without its code at the console's start
 * (issue 20, bundles). Tampering can only come from another client's writes to the customer doc: while
 * every write in it is this client's (a new session nobody has joined), there is nothing to judge. The
 * code loads once the doc holds a write by any other client (a peer's, or one loaded from this device's
 * IndexedDB, written before a reload), and the watch's first pass judges everything already there; a
 * flag waits TAMPER_GRACE_MS anyway, so the load costs no warning its time. A chunk that fails to load
 * (offline before the service worker cached it) is asked for again.
 */
import type * as Y from 'yjs'
import type { Tampering } from '../../doc/tamper'

/** Wait before asking again for a chunk that failed to load. */
export const TAMPER_RETRY_MS = 5_000

/** Whether `doc` holds a write by a client other than itself. */
function othersWrote(doc: Y.Doc): boolean {
  for (const client of doc.store.clients.keys()) if (client !== doc.clientID) return true
  return false
}

/** `watchTampering` from the moment another client has written the customer doc; the stop function works at any time. */
export function watchTamperingWhenWritten(
  customerDoc: Y.Doc,
  repDoc: Y.Doc,
  onChange: (flagged: Tampering[]) => void,
  load: () => Promise<typeof import('./tamperWatch')> = () => import('./tamperWatch'),
): () => void {
  let stopped = false
  let stop: (() => void) | undefined
  let retry: ReturnType<typeof setTimeout> | undefined
  const start = (): void => {
    load().then(
      ({ watchTampering }) => {
        if (!stopped) stop = watchTampering(customerDoc, repDoc, onChange)
      },
      (error: unknown) => {
        console.warn('the tamper checks could not load; trying again', error)
        if (!stopped) retry = setTimeout(start, TAMPER_RETRY_MS)
      },
    )
  }
  const onUpdate = (): void => {
    if (!othersWrote(customerDoc)) return
    customerDoc.off('update', onUpdate)
    start()
  }
  if (othersWrote(customerDoc)) start()
  else customerDoc.on('update', onUpdate)
  return () => {
    stopped = true
    customerDoc.off('update', onUpdate)
    clearTimeout(retry)
    stop?.()
  }
}
