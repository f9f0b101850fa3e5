/**
 * The bundle floor (bench/bundles.bench.ts): the least a page can be that syncs a Yjs document over
 * y-webrtc and renders it with Solid — one shared array, one list, one button. No app code: what the
 * customer page must load before anything of its own, so the budget's reachability shows beside it.
 */
import * as Y from 'yjs'
import { WebrtcProvider } from 'y-webrtc'
import { For, createSignal } from 'solid-js'
import { render } from 'solid-js/web'

const doc = new Y.Doc()
const lines = doc.getArray<string>('lines')
new WebrtcProvider(location.hash.slice(1) || 'floor', doc, { signaling: [`ws://${location.host}/signal`] })

function Floor() {
  const [items, setItems] = createSignal(lines.toArray())
  lines.observe(() => setItems(lines.toArray()))
  return (
    <main>
      <ul>
        <For each={items()}>{(line) => <li>{line}</li>}</For>
      </ul>
      <button type="button" onClick={() => lines.push([new Date().toISOString()])}>
        Add
      </button>
    </main>
  )
}

const root = document.getElementById('root')
if (root) render(() => <Floor />, root)
