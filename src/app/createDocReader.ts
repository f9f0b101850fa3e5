/** A signal of any small read over a document, recomputed after each update (details, attendees, receipts). */
import { createSignal, onCleanup, type Accessor } from 'solid-js'
import type * as Y from 'yjs'

/** Runs `read(doc)` now and after every update. Must run inside a reactive owner. */
export function createDocReader<T>(doc: Y.Doc, read: (doc: Y.Doc) => T, equals: (a: T, b: T) => boolean = sameJson): Accessor<T> {
  const [value, setValue] = createSignal<T>(read(doc), { equals })
  const onUpdate = (): void => {
    setValue(() => read(doc))
  }
  doc.on('update', onUpdate)
  onCleanup(() => doc.off('update', onUpdate))
  return value
}

function sameJson<T>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** A connection-derived value as a signal (presence, typing). */
export function createConnectionReader<T>(subscribe: (listener: () => void) => () => void, read: () => T): Accessor<T> {
  const [value, setValue] = createSignal<T>(read(), { equals: sameJson })
  onCleanup(subscribe(() => setValue(() => read())))
  return value
}
