/**
 * Mounts its children once `when` has first been true, and keeps them mounted after: a lazily loaded
 * dialog fetches its chunk when it is first needed, then behaves like one that was there from the start
 * (Kobalte's close animation and focus return stay its own). Its own Suspense boundary, without fallback,
 * keeps the page around it from showing "Loading" while the chunk arrives.
 */
import { Show, Suspense, createSignal, createEffect, type JSX } from 'solid-js'

/** Props: the condition that first needs the children, and the children (usually a `lazy` component). */
export function OpenedOnce(props: { when: boolean; children: JSX.Element }) {
  const [opened, setOpened] = createSignal(false)
  createEffect(() => {
    if (props.when) setOpened(true)
  })
  return (
    <Show when={opened()}>
      <Suspense>{props.children}</Suspense>
    </Show>
  )
}
