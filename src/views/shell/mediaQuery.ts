/** A CSS media query as a signal, so a view can follow the screen it is on. */
import { createSignal, onCleanup, type Accessor } from 'solid-js'

/** Whether `query` matches now; updates when it changes. */
export function createMediaQuery(query: string): Accessor<boolean> {
  const list = window.matchMedia(query)
  const [matches, setMatches] = createSignal(list.matches)
  const onChange = (event: MediaQueryListEvent): void => {
    setMatches(event.matches)
  }
  list.addEventListener('change', onChange)
  onCleanup(() => list.removeEventListener('change', onChange))
  return matches
}
