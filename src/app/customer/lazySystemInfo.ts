/**
 * The system facts a customer may share at intake, read only once they tick "Share my system information"
 * (it starts unticked): their reader (systemInfo.ts, and ua-parser-js where the browser has no client
 * hints) is a chunk fetched then, not with the page (issue 20, bundles). Ticking starts the fetch, so the
 * facts are usually there when the form is sent; the form waits for them otherwise. A fetch that failed
 * (offline before the chunk was cached) is tried again by the next read.
 */
import { firstUse } from '../shell/firstUse'

/** The reader's chunk (a parameter for tests). */
export type SystemInfoChunk = typeof import('./systemInfo')

/** The facts this browser would share, read on demand. */
export interface SystemFacts {
  /** Fetches the reader on the first call, names the OS and browser once, then reads the facts as they are now. */
  read(): Promise<Record<string, string>>
}

const fetchReader = (): Promise<SystemInfoChunk> => import('./systemInfo')

/** Makes the on-demand reader; nothing is fetched until the first `read`. */
export function createSystemFacts(fetch: () => Promise<SystemInfoChunk> = fetchReader): SystemFacts {
  const reader = firstUse(async () => {
    const chunk = await fetch()
    const named = await chunk.readOsAndBrowser()
    return () => chunk.readSystemInfo(undefined, named)
  })
  return { read: async () => (await reader.use())() }
}
