/**
 * A rep's file transfers without their code at the console's start (issue 20, bundles): the transfers
 * (src/app/tools/fileTransfer.ts, with the sender, the receiver and the resume links) are a chunk made the
 * first time the session has a use for them — the rep sends a file, or a side channel from the customer
 * arrives. A customer may offer a file at any moment, so until the transfers exist every side channel of
 * the customer room is caught here and held with the messages it brings; the transfers take it as if just
 * opened and replay them (as the customer page does, src/app/customer/customerTools.ts). Until then the
 * session reads as having no transfers; a file sent meanwhile waits for the chunk, then goes.
 */
import { createEffect, getOwner, onCleanup, runWithOwner } from 'solid-js'
import { watchFileChannels } from '../../net/fileChannel'
import { DEFAULT_MAX_FILE_BYTES, MAX_FILE_NAME_CHARS } from '../../doc/schema'
import { firstUse } from '../shell/firstUse'
import { loadStrings } from '../../i18n/i18n'
import type { CaughtChannel, FileTransfers } from '../tools/fileTransfer'
import type { RepSession } from './repSession'

/** The transfers' chunk (a parameter for tests). */
export type FilesChunk = Pick<typeof import('../tools/fileTransfer'), 'createRepFileTransfers'>

const fetchFiles = (): Promise<FilesChunk> => import('../tools/fileTransfer')

/** A rep's transfers, made on first use in the caller's owner (the session model's root). Must run inside a reactive owner. */
export function createLazyRepFiles(session: Pick<RepSession, 'customer' | 'repDoc'>, profile: () => { repId: string; name: string } | undefined, fetch: () => Promise<FilesChunk> = fetchFiles): FileTransfers {
  const owner = getOwner()
  const caught: CaughtChannel[] = []
  const files = firstUse(async () => {
    const [chunk] = await Promise.all([fetch(), loadStrings('media')]) // the offers' and transfers' texts come with them
    const made = runWithOwner(owner, () => chunk.createRepFileTransfers(session, profile, undefined, caught))
    if (!made) throw new Error('the session is closed')
    return made
  })
  const useQuietly = (): void => void files.use().catch(() => undefined)
  // Until the transfers exist, a side channel the customer opens is held here (with its messages) and makes them.
  createEffect(() => {
    const connection = session.customer()?.connection
    if (!connection || files.current()) return
    onCleanup(
      watchFileChannels(connection, (channel, peerId) => {
        const held: unknown[] = []
        const hold = (event: Event): void => void held.push((event as MessageEvent).data)
        channel.addEventListener('message', hold)
        caught.push({ channel, peerId, release: () => (channel.removeEventListener('message', hold), held) })
        useQuietly()
      }),
    )
  })
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
