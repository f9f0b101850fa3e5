/**
 * Parts of the console that most visits never open (dialogs, the session
 * menu, the screen viewer) load their chunk only when first wanted, so the
 * console's first load carries none of their code (BENCHMARKS.md, bundles).
 * Until the chunk is in, nothing shows and focus stays where the person left
 * it (on the button they pressed): the part then mounts already open, and a
 * dialog's focus scope takes focus from there and gives it back on close as
 * if it had been there all along.
 */
import { Show, createEffect, createSignal, on, untrack, type Component, type JSX } from 'solid-js'
import { Dynamic } from 'solid-js/web'

/** Starts `load` once, on the first call; a failed load (offline before the chunk was cached) is tried again on the next call. */
export function makeLoader<T>(load: () => Promise<T>): { get: () => T | undefined; want: () => Promise<T | undefined> } {
  const [loaded, setLoaded] = createSignal<{ value: T }>()
  let loading: Promise<T | undefined> | undefined
  const want = (): Promise<T | undefined> =>
    (loading ??= load().then(
      (value) => {
        setLoaded({ value })
        return value
      },
      () => {
        loading = undefined
        return undefined
      },
    ))
  return { get: () => loaded()?.value, want }
}

/** Renders `children` with the loaded value once `when` has been true; nothing before (and nothing if the load failed). */
export function WhenWanted<T>(props: { when: boolean; loader: { get: () => T | undefined; want: () => Promise<T | undefined> }; children: (value: T) => JSX.Element }) {
  createEffect(on(() => props.when, (wanted) => void (wanted && props.loader.want())))
  return <Show when={props.loader.get()}>{(value) => untrack(() => props.children(value()))}</Show>
}

/**
 * A component that stands for `load`'s component: it renders nothing until
 * `wanted(props)` is first true, then loads the chunk and renders the real
 * one with the same props, and keeps it mounted (closing it is its own
 * business). Use it where the component was used, with the same props.
 */
export function lazyPart<P extends object>(load: () => Promise<Component<P>>, wanted: (props: P) => boolean): Component<P> {
  const loader = makeLoader(load)
  return (props: P) => (
    <WhenWanted when={wanted(props)} loader={loader}>
      {(part) => <Dynamic component={part} {...props} />}
    </WhenWanted>
  )
}
