/**
 * The search worker: holds the whole index (src/store/searchStore.ts) off the
 * page's thread, so loading and querying hundreds of thousands of entries
 * never stalls typing or scrolling. Answers `{ id, method, args }` with
 * `{ id, result }` or `{ id, error }` (see src/store/searchClient.ts).
 */
import { createSearchService, SEARCH_METHODS, type SearchService } from './searchStore'

/** The part of a dedicated worker's global scope used here (the DOM lib types `self` as a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null
  postMessage(message: unknown): void
}

type Method = (typeof SEARCH_METHODS)[number]

const service = createSearchService()
const scope = self as unknown as WorkerScope

const isMethod = (value: unknown): value is Method => SEARCH_METHODS.some((method) => method === value)

scope.onmessage = (event) => {
  const { id, method, args } = (event.data ?? {}) as { id?: unknown; method?: unknown; args?: unknown }
  if (typeof id !== 'number' || !isMethod(method) || !Array.isArray(args)) return
  const call = service[method] as (...values: unknown[]) => ReturnType<SearchService[Method]>
  call(...args).then(
    (result) => scope.postMessage({ id, result }),
    (cause: unknown) => scope.postMessage({ id, error: cause instanceof Error ? cause.message : String(cause) }),
  )
}
