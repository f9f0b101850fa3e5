/**
 * A model or chunk made on its first use (issue 20, bundles): every use before it is made shares one
 * making, and a making that failed (offline before the chunk was cached) is tried again by the next use.
 * History, the queue, and the rep's and the customer's tools load this way (views, which may not import
 * src/app, have their own `makeLoader` in src/views/shell/lazyPart.tsx).
 */
import { createSignal, type Accessor } from 'solid-js'

/** A model made on its first use. */
export interface FirstUse<T, A extends unknown[] = []> {
  /** The model once made (a signal). */
  current: Accessor<T | undefined>
  /** Whether a making has started (and not failed); not a signal. */
  started(): boolean
  /** Whether the last making failed and none has started since (a signal): a view stops saying it is loading. */
  failed: Accessor<boolean>
  /** Makes it (with the arguments of the use that starts the making) or joins the making under way. */
  use(...args: A): Promise<T>
}

/** Makes `make`'s model once, on the first `use()`. */
export function firstUse<T, A extends unknown[] = []>(make: (...args: A) => Promise<T>): FirstUse<T, A> {
  const [current, setCurrent] = createSignal<T>()
  const [failed, setFailed] = createSignal(false)
  let making: Promise<T> | undefined
  return {
    current,
    failed,
    started: () => making !== undefined,
    use(...args) {
      if (making === undefined) setFailed(false)
      making ??= make(...args).then(
        (made) => {
          setCurrent(() => made)
          return made
        },
        (error: unknown) => {
          making = undefined
          setFailed(true)
          throw error
        },
      )
      return making
    },
  }
}
