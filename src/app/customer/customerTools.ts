/**
 * The customer's screen sharing, file transfers and credentials, each made on its first use: a screen or
 * credentials request in the doc (also one there from before a reload), a side channel a rep opens, or
 * the customer sending a file. Their code and strings are one chunk of their own (customerToolModels.ts,
 * `loadStrings('media')`), so the page starts without them (issue 20, bundles). Until then the page
 * reads them as having nothing to show; nothing the customer or a rep does is lost meanwhile: a file sent
 * waits for the chunk, and a side channel opened early is held, with what it brings, until the transfers
 * take it.
 */
import { getOwner, onCleanup, runWithOwner } from 'solid-js'
import type * as Y from 'yjs'
import { requestsMap } from '../../doc/screenRequests'
import { credentialsMap } from '../../doc/credentialRequests'
import { loadStrings } from '../../i18n/i18n'
import type { CustomerScreen } from '../tools/screenShare'
import type { CaughtChannel, FileTransfers } from '../tools/fileTransfer'
import { catchFileChannels, filesOnFirstUse } from '../tools/filesOnFirstUse'
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
  catchFileChannels(deps.connection, files, caught) // a side channel a rep opens early is held until the transfers take it

  return {
    screen: {
      pending: () => screen.current()?.pending(),
      sharing: () => screen.current()?.sharing() ?? false,
      // Made already when its dialog shows: then the browser's picker opens within the customer's press.
      accept: async () => (screen.current() ?? (await screen.use())).accept(),
      decline: () => void screen.use().then((model) => model.decline()),
      stop: () => screen.current()?.stop(),
    },
    files: filesOnFirstUse(files),
    credentials: {
      pending: () => credentials.current()?.pending(),
      send: async (values) => (await credentials.use()).send(values),
      decline: () => void credentials.use().then((model) => model.decline()),
    },
  }
}
