/**
 * The customer's screen sharing, file transfers and credentials, each made on its first use: a screen or
 * credentials request in the doc (also one there from before a reload), a side channel a rep opens, or
 * the customer sending a file. Their code and strings are one chunk of their own (customerToolModels.ts,
 * `loadStrings('media')`), so the page starts without them (issue 20, bundles). Until then the page
 * reads them as having nothing to show; nothing the customer or a rep does is lost meanwhile: a file sent
 * waits for the chunk, and a side channel opened early is held, with what it brings, until the transfers
 * take it.
 */
import { createEffect, getOwner, onCleanup, runWithOwner } from 'solid-js'
import type * as Y from 'yjs'
import { watchFileChannels } from '../../net/fileChannel'
import { requestsMap } from '../../doc/screenRequests'
import { credentialsMap } from '../../doc/credentialRequests'
import { DEFAULT_MAX_FILE_BYTES, MAX_FILE_NAME_CHARS } from '../../doc/schema'
import { loadStrings } from '../../i18n/i18n'
import type { CustomerScreen } from '../tools/screenShare'
import type { CaughtChannel, FileTransfers } from '../tools/fileTransfer'
import type { CustomerCredentials } from '../tools/credentials'
import type { ProvenPeers } from '../tools/provenPeers'
import type { CustomerToolDeps } from './customerToolModels'
import { firstUse, type FirstUse } from '../shell/firstUse'

export type { CustomerToolDeps }
export { firstUse, type FirstUse }

/** The tools' chunk (a parameter for tests). */
export type ToolsChunk = typeof import('./customerToolModels')

/** The customer page's tools: the same interfaces as the models they stand for. */
export interface CustomerTools {
  screen: CustomerScreen
  files: FileTransfers
  credentials: CustomerCredentials
}

/** Calls `onFirst` once `map` holds an entry (now, or after a later change, local or remote). */
function onFirstEntry(map: Y.Map<unknown>, onFirst: () => void): () => void {
  let watching = true
  const stop = (): void => {
    if (watching) map.unobserve(check)
    watching = false
  }
  const check = (): void => {
    if (map.size === 0) return
    stop()
    onFirst()
  }
  map.observe(check)
  check()
  return stop
}

const fetchTools = (): Promise<ToolsChunk> => import('./customerToolModels')

/**
 * Creates the customer's tools, each made on its first use inside the caller's reactive owner (the
 * session model's root, which disposes them with the page). `fetch` fetches their chunk.
 */
export function createCustomerTools(deps: CustomerToolDeps, fetch: () => Promise<ToolsChunk> = fetchTools): CustomerTools {
  const owner = getOwner()
  let disposed = false
  onCleanup(() => (disposed = true))
  /** Runs `make` with the chunk and its strings, in the model's owner. */
  const withChunk = <T,>(make: (chunk: ToolsChunk) => T): (() => Promise<T>) => async () => {
    const [chunk] = await Promise.all([fetch(), loadStrings('media')])
    if (disposed) throw new Error('the customer page closed while its tools loaded')
    return runWithOwner(owner, () => make(chunk)) as T
  }
  let proven: ProvenPeers | undefined
  const provenPeers = (chunk: ToolsChunk): ProvenPeers => (proven ??= chunk.makeProvenPeers(deps))

  const screen = firstUse(withChunk((chunk) => chunk.makeScreen(deps, provenPeers(chunk))))
  const credentials = firstUse(withChunk((chunk) => chunk.makeCredentials(deps)))
  const caught: CaughtChannel[] = []
  const files = firstUse(withChunk((chunk) => chunk.makeFileTransfers(deps, provenPeers(chunk), caught)))
  const useQuietly = (model: FirstUse<unknown>): void => void model.use().catch(() => undefined)

  onCleanup(onFirstEntry(requestsMap(deps.doc), () => useQuietly(screen)))
  onCleanup(onFirstEntry(credentialsMap(deps.doc), () => useQuietly(credentials)))
  // Until the transfers exist, a side channel a rep opens is held here (with its messages) and makes them.
  createEffect(() => {
    const connection = deps.connection()
    if (!connection || files.current()) return
    onCleanup(
      watchFileChannels(connection, (channel, peerId) => {
        const held: unknown[] = []
        const hold = (event: Event): void => void held.push((event as MessageEvent).data)
        channel.addEventListener('message', hold)
        caught.push({ channel, peerId, release: () => (channel.removeEventListener('message', hold), held) })
        useQuietly(files)
      }),
    )
  })

  return {
    screen: {
      pending: () => screen.current()?.pending(),
      sharing: () => screen.current()?.sharing() ?? false,
      // Made already when its dialog shows: then the browser's picker opens within the customer's press.
      accept: async () => (screen.current() ?? (await screen.use())).accept(),
      decline: () => void screen.use().then((model) => model.decline()),
      stop: () => screen.current()?.stop(),
    },
    files: {
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
    },
    credentials: {
      pending: () => credentials.current()?.pending(),
      send: async (values) => (await credentials.use()).send(values),
      decline: () => void credentials.use().then((model) => model.decline()),
    },
  }
}
