/**
 * A rep's file transfers without their code at the console's start (issue 20, bundles): the transfers
 * (src/app/tools/fileTransfer.ts, with the sender, the receiver and the resume links) are a chunk made the
 * first time the session has a use for them — the rep sends a file, or a side channel from the customer
 * arrives. A customer may offer a file at any moment, so until the transfers exist every side channel of
 * the customer room is caught here and held with the messages it brings; the transfers take it as if just
 * opened and replay them (as the customer page does, src/app/customer/customerTools.ts). Until then the
 * session reads as having no transfers; a file sent meanwhile waits for the chunk, then goes.
 */
import { getOwner, runWithOwner } from 'solid-js'
import { firstUse } from '../shell/firstUse'
import { loadStrings } from '../../i18n/i18n'
import type { CaughtChannel, FileTransfers } from '../tools/fileTransfer'
import { catchFileChannels, filesOnFirstUse } from '../tools/filesOnFirstUse'
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
  catchFileChannels(() => session.customer()?.connection, files, caught)
  return filesOnFirstUse(files)
}
