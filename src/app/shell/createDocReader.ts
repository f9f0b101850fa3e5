/**
 * A signal of any small read over a document, recomputed after each change (details, attendees, receipts).
 * Readers listen to `afterTransaction`, not `update`: Yjs encodes every transaction for its `update`
 * listeners, and a reader attached before a big document loads would have the whole load encoded for
 * nothing (BENCHMARKS.md, bigSession: ~0.8 s at 100k entries).
 */
import { createEffect, createMemo, createSignal, onCleanup, type Accessor } from 'solid-js'
import type * as Y from 'yjs'

/** Calls `listener` after every transaction of `doc` that changed something; returns a function that stops. */
function onChanged(doc: Y.Doc, listener: () => void): () => void {
  const onTransaction = (transaction: Y.Transaction): void => {
    if (transaction.changed.size > 0 || transaction.deleteSet.clients.size > 0) listener()
  }
  doc.on('afterTransaction', onTransaction)
  return () => doc.off('afterTransaction', onTransaction)
}

/** Runs `read(doc)` now and after every change. Must run inside a reactive owner. */
export function createDocReader<T>(doc: Y.Doc, read: (doc: Y.Doc) => T, equals: (a: T, b: T) => boolean = sameJson): Accessor<T> {
  const [value, setValue] = createSignal<T>(read(doc), { equals })
  onCleanup(onChanged(doc, () => setValue(() => read(doc))))
  return value
}

/**
 * Like `createDocReader`, for a read of only `maps` (and what they hold): re-read only after a transaction
 * that changed one of them. A chat message changes none of a session's details, attendees or receipts, and
 * re-reading and comparing them all was ~0.1 ms of each Enter (issue 20, Enter dispatch).
 */
export function createTypesReader<T>(doc: Y.Doc, maps: readonly Y.Map<unknown>[], read: (doc: Y.Doc) => T, equals: (a: T, b: T) => boolean = sameJson): Accessor<T> {
  const [value, setValue] = createSignal<T>(read(doc), { equals })
  const touched = (changed: ReadonlyMap<unknown, unknown>): boolean => maps.some((map) => changed.has(map))
  const onTransaction = (transaction: Y.Transaction): void => {
    if (touched(transaction.changed) || touched(transaction.changedParentTypes)) setValue(() => read(doc))
  }
  doc.on('afterTransaction', onTransaction)
  onCleanup(() => doc.off('afterTransaction', onTransaction))
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
    onCleanup(onChanged(doc, () => setTick((n) => n + 1)))
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
