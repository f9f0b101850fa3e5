/**
 * The page's handle on the search index: a worker (src/store/searchWorker.ts)
 * where the browser has them, the same service in the page where it has not
 * (unit tests). Either way every call is async and answered in order.
 */
import type { SearchService } from './searchStore'

type Pending = { resolve: (value: never) => void; reject: (cause: Error) => void }

/** Talks to a search worker through numbered messages. */
function workerService(worker: Worker): SearchService {
  const pending = new Map<number, Pending>()
  let next = 0
  worker.onmessage = (event: MessageEvent<{ id: number; result?: unknown; error?: string }>) => {
    const waiting = pending.get(event.data.id)
    pending.delete(event.data.id)
    if (event.data.error !== undefined) waiting?.reject(new Error(event.data.error))
    else waiting?.resolve(event.data.result as never)
  }
  // A worker that cannot start (e.g. blocked by policy) fails what was asked instead of leaving History waiting.
  worker.onerror = (event) => {
    event.preventDefault()
    for (const waiting of pending.values()) waiting.reject(new Error(event.message || 'search worker failed'))
    pending.clear()
  }
  const call =
    <T>(method: keyof SearchService) =>
    (...args: unknown[]): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        const id = next++
        pending.set(id, { resolve: resolve as (value: never) => void, reject })
        worker.postMessage({ id, method, args })
      })
  return { load: call('load'), add: call('add'), remove: call('remove'), search: call('search'), flush: call('flush') }
}

/** The search service: in a module worker when available, else in the page (loaded on first use). */
export async function createSearchClient(): Promise<SearchService> {
  if (typeof Worker === 'undefined') return (await import('./searchStore')).createSearchService()
  return workerService(new Worker(new URL('./searchWorker.ts', import.meta.url), { type: 'module', name: 'asiste-search' }))
}
