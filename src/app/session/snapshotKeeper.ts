/**
 * Keeps an open session's last screenful current on this device (src/store/sessionSnapshot.ts): written a
 * moment after the transcript changes, and at once when the page is left or hidden, so the next open of the
 * console shows the session's end before its documents have loaded.
 */
import { createEffect, createRoot, on, type Accessor } from 'solid-js'
import type { Entry } from '../../doc/entry'
import { createSnapshotWriter } from '../../store/sessionSnapshot'

/** How long the transcript stays unchanged before it is written: a busy chat writes about once a few seconds, not per message. */
export const SNAPSHOT_DEBOUNCE_MS = 2_000

/** Keeps the snapshot of `sessionId` following `entries`; returns a stop function (which writes what is pending). */
export function keepSnapshot(sessionId: string, entries: Accessor<Entry[]>): () => void {
  const writer = createSnapshotWriter(sessionId)
  let timer: ReturnType<typeof setTimeout> | undefined
  const flush = (): void => {
    if (timer === undefined) return
    clearTimeout(timer)
    timer = undefined
    writer.write(entries())
  }
  const onHidden = (): void => {
    if (document.visibilityState === 'hidden') flush()
  }
  window.addEventListener('pagehide', flush)
  document.addEventListener('visibilitychange', onHidden)
  const dispose = createRoot((dispose) => {
    createEffect(
      on(entries, () => {
        if (timer !== undefined) clearTimeout(timer)
        timer = setTimeout(flush, SNAPSHOT_DEBOUNCE_MS)
      }),
    )
    return dispose
  })
  return () => {
    dispose()
    flush()
    window.removeEventListener('pagehide', flush)
    document.removeEventListener('visibilitychange', onHidden)
    writer.close()
  }
}
