/** Waiting for data to arrive in a document from peers, with a deadline. */
import type * as Y from 'yjs'

/** Thrown when what a rep waited for did not arrive in time. */
export class ArrivalTimeout extends Error {
  constructor(readonly waitedMs: number) {
    super(`Nothing arrived from team mates within ${Math.round(waitedMs / 1000)} s. Are they online?`)
    this.name = 'ArrivalTimeout'
  }
}

/** Resolves with `read(doc)` once it is defined (checked after every update), or rejects after `timeoutMs`. */
export function waitFor<T>(doc: Y.Doc, read: (doc: Y.Doc) => T | undefined, timeoutMs: number): Promise<T> {
  const now = read(doc)
  if (now !== undefined) return Promise.resolve(now)
  return new Promise((resolve, reject) => {
    const onUpdate = (): void => {
      const value = read(doc)
      if (value === undefined) return
      cleanup()
      resolve(value)
    }
    const timer = setTimeout(() => {
      cleanup()
      reject(new ArrivalTimeout(timeoutMs))
    }, timeoutMs)
    const cleanup = (): void => {
      clearTimeout(timer)
      doc.off('update', onUpdate)
    }
    doc.on('update', onUpdate)
  })
}
