/** A signal of any small read over a document, recomputed after each update (details, attendees, receipts). */
import { createEffect, createMemo, createSignal, onCleanup, type Accessor } from 'solid-js'
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

/** Equality by JSON text: enough for the small plain values readers return. */
export function sameJson<T>(a: T, b: T): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Like `createDocReader`, for a document that may change (e.g. the current team's): follows whichever is current. */
export function createFollowingReader<T>(source: Accessor<Y.Doc | undefined>, read: (doc: Y.Doc) => T, fallback: T): Accessor<T> {
  const [tick, setTick] = createSignal(0)
  createEffect(() => {
    const doc = source()
    if (!doc) return
    const onUpdate = (): void => {
      setTick((n) => n + 1)
    }
    doc.on('update', onUpdate)
    onCleanup(() => doc.off('update', onUpdate))
  })
  return createMemo(
    () => {
      tick()
      const doc = source()
      return doc ? read(doc) : fallback
    },
    fallback,
    { equals: sameJson },
  )
}

/** A value read from connections that may change: recomputed whenever any of them reports a change. */
export function createConnectionsReader<T>(sources: Accessor<{ onChange(listener: () => void): () => void }[]>, read: () => T): Accessor<T> {
  const [tick, setTick] = createSignal(0)
  createEffect(() => {
    for (const source of sources()) onCleanup(source.onChange(() => setTick((n) => n + 1)))
  })
  return createMemo(
    () => {
      tick()
      return read()
    },
    read(),
    { equals: sameJson },
  )
}
