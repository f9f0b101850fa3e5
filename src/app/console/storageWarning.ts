/**
 * The warning before the browser's storage quota is reached: every session's
 * documents live in this origin's IndexedDB, and once the quota is full every
 * write of every session fails. Checked at start and then now and then, so the
 * rep is told while there is still room to export and delete old sessions.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js'
import { readStorageInfo, type StorageInfo } from '../../store/storageQuota'
import { storageVerdict } from '../../store/storageBound'

/** How often usage is read again: sessions grow by chat, not by megabytes a second (a flood is bounded per peer). */
export const STORAGE_CHECK_MS = 60_000

/** The origin's usage while it is past the warning share of its quota, else undefined. Must run inside a reactive owner. */
export function createStorageWarning(read: () => Promise<StorageInfo | undefined> = readStorageInfo, everyMs = STORAGE_CHECK_MS): Accessor<StorageInfo | undefined> {
  const [warning, setWarning] = createSignal<StorageInfo>()
  const check = (): void => {
    read()
      .then((info) => setWarning(info && storageVerdict(info, 0) === 'nearQuota' ? info : undefined))
      .catch(() => setWarning(undefined)) // the browser cannot tell: nothing to warn about
  }
  check()
  const timer = setInterval(check, everyMs)
  onCleanup(() => clearInterval(timer))
  return warning
}
