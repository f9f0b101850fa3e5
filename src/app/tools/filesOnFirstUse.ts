/**
 * File transfers whose code is a chunk made on first use (issue 20, bundles), the same way on both pages
 * (the rep's src/app/session/lazyRepFiles.ts, the customer's src/app/customer/customerTools.ts). The other
 * side may offer a file at any moment: until the transfers exist, every file channel it opens is caught
 * and held with the messages it brings (the transfers take it as if just opened and replay them), and
 * makes them. Until then the page reads as having no transfers; a file sent meanwhile waits for the chunk,
 * then goes.
 */
import { createEffect, onCleanup } from 'solid-js'
import { watchFileChannels } from '../../net/fileChannel'
import type { DocConnection } from '../../net/connectDoc'
import { DEFAULT_MAX_FILE_BYTES, MAX_FILE_NAME_CHARS } from '../../doc/schema'
import type { FirstUse } from '../shell/firstUse'
import type { CaughtChannel, FileTransfers } from './fileTransfer'

/**
 * While `files` is not made, holds each file channel of the current connection in `caught` (the list the
 * transfers are made with) and starts making them. Must run inside a reactive owner.
 */
export function catchFileChannels(connection: () => DocConnection | undefined, files: FirstUse<FileTransfers>, caught: CaughtChannel[]): void {
  createEffect(() => {
    const current = connection()
    if (!current || files.current()) return
    onCleanup(
      watchFileChannels(current, (channel, peerId) => {
        const held: unknown[] = []
        const hold = (event: Event): void => void held.push((event as MessageEvent).data)
        channel.addEventListener('message', hold)
        caught.push({ channel, peerId, release: () => (channel.removeEventListener('message', hold), held) })
        void files.use().catch(() => undefined) // a failed fetch is tried again by the next channel or send
      }),
    )
  })
}

/** The transfers as the views use them, before and after their code is made. */
export function filesOnFirstUse(files: FirstUse<FileTransfers>): FileTransfers {
  return {
    list: () => files.current()?.list() ?? [],
    send(file) {
      const made = files.current()
      if (made) return made.send(file)
      // Said at once, as the transfers would: these need none of their code.
      if (file.name.length > MAX_FILE_NAME_CHARS) return 'nameTooLong'
      if (file.size > DEFAULT_MAX_FILE_BYTES) return 'tooLarge'
      return files.use().then((model) => model.send(file))
    },
    // Keys come from `list`, so the transfers exist by the time any of these is pressed.
    accept: (key) => files.current()?.accept(key),
    decline: (key) => files.current()?.decline(key),
    cancel: (key) => files.current()?.cancel(key),
    save: (key) => files.current()?.save(key),
  }
}
