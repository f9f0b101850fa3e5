/**
 * The reactive projection of the team's script library: every valid script in
 * library order, re-read on each change of the `scripts` map (a library is a
 * few hundred rows at most, so a full read per change is cheap and simple).
 */
import type * as Y from 'yjs'
import { createSignal, onCleanup, type Accessor } from 'solid-js'
import { readScripts, scriptsMap, type Script } from '../../doc/scripts'

/** A signal of the team doc's scripts (both kinds). Must run inside a reactive owner. */
export function createScripts(teamDoc: Y.Doc): Accessor<Script[]> {
  const map = scriptsMap(teamDoc)
  const [scripts, setScripts] = createSignal<Script[]>(readScripts(teamDoc))
  const onChange = (): void => {
    setScripts(readScripts(teamDoc))
  }
  map.observe(onChange)
  onCleanup(() => map.unobserve(onChange))
  return scripts
}
