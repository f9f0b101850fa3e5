// Proves the layer fences in eslint.config.js (DESIGN.md §3) fire on the code
// they exist to stop, and stay quiet on ordinary code of each layer, so a rule
// that silently stops matching (or starts matching everything) fails here.
import { fileURLToPath } from 'node:url'
import { ESLint, type Linter } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const CONFIG = fileURLToPath(new URL('../../eslint.config.js', import.meta.url))

let eslint: ESLint
let typed: ESLint

beforeAll(() => {
  // The fence cases lint made-up paths, which the TypeScript project service cannot load: the
  // type-aware rules are off for them and proven below on a real file of the project instead.
  eslint = new ESLint({
    cwd: ROOT,
    overrideConfigFile: CONFIG,
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false } },
      rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
    },
  })
  typed = new ESLint({ cwd: ROOT, overrideConfigFile: CONFIG })
})

async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath })
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`)
  return result.messages
}

/** Rule ids that reported, failing loudly on parse errors (which carry no rule id). */
async function rulesFired(filePath: string, code: string): Promise<string[]> {
  const messages = await lint(filePath, code)
  const fatal = messages.filter((m) => m.fatal || m.ruleId === null)
  expect(fatal, `unexpected parse error in ${filePath}`).toEqual([])
  return messages.map((m) => m.ruleId ?? '')
}

const fences: Array<{ name: string; file: string; code: string; rule: string }> = [
  // src/views
  { name: 'views importing y-webrtc', file: 'src/views/X.tsx', code: "import { WebrtcProvider } from 'y-webrtc'\nexport const p = WebrtcProvider\n", rule: 'no-restricted-imports' },
  { name: 'views importing y-indexeddb', file: 'src/views/X.tsx', code: "import { IndexeddbPersistence } from 'y-indexeddb'\nexport const p = IndexeddbPersistence\n", rule: 'no-restricted-imports' },
  { name: 'views importing idb-keyval', file: 'src/views/X.tsx', code: "import { get } from 'idb-keyval'\nexport const g = get\n", rule: 'no-restricted-imports' },
  { name: 'views importing src/net', file: 'src/views/X.tsx', code: "import { join } from '../net/rooms'\nexport const j = join\n", rule: 'no-restricted-imports' },
  { name: 'nested view importing src/store', file: 'src/views/chat/X.tsx', code: "import { open } from '../../store/sessions'\nexport const o = open\n", rule: 'no-restricted-imports' },
  { name: 'views re-exporting src/store', file: 'src/views/X.ts', code: "export { open } from '../store/sessions'\n", rule: 'no-restricted-imports' },
  { name: 'views dynamically importing y-webrtc', file: 'src/views/X.tsx', code: "export const load = () => import('y-webrtc')\n", rule: 'no-restricted-syntax' },
  { name: 'views importing a controller from src/app', file: 'src/views/session/X.tsx', code: "import { createTranscript } from '../../app/session/createTranscript'\nexport const c = createTranscript\n", rule: 'no-restricted-imports' },
  { name: 'views dynamically importing src/app', file: 'src/views/session/X.tsx', code: "export const load = () => import('../../app/session/repSession')\n", rule: 'no-restricted-syntax' },
  { name: 'app hand-building an entry', file: 'src/app/session/x.ts', code: "import { appendEntry } from '../../doc/transcript'\nexport const a = appendEntry\n", rule: 'no-restricted-imports' },
  { name: 'store hand-building an entry', file: 'src/store/x.ts', code: "import { putEntryIfAbsent } from '../doc/transcript'\nexport const a = putEntryIfAbsent\n", rule: 'no-restricted-imports' },
  { name: 'views using localStorage', file: 'src/views/X.tsx', code: "export const v = localStorage.getItem('x')\n", rule: 'no-restricted-globals' },
  { name: 'views using window.localStorage', file: 'src/views/X.tsx', code: "export const v = window.localStorage.getItem('x')\n", rule: 'no-restricted-globals' },
  { name: 'views using indexedDB', file: 'src/views/X.tsx', code: "export const r = indexedDB.open('x')\n", rule: 'no-restricted-globals' },
  { name: 'views using fetch', file: 'src/views/X.tsx', code: "export const r = fetch('/config.json')\n", rule: 'no-restricted-globals' },
  { name: 'views using RTCPeerConnection', file: 'src/views/X.tsx', code: 'export const pc = new RTCPeerConnection()\n', rule: 'no-restricted-globals' },
  { name: 'views using WebSocket', file: 'src/views/X.tsx', code: "export const ws = new WebSocket('ws://x')\n", rule: 'no-restricted-globals' },
  { name: 'views with the innerHTML prop', file: 'src/views/X.tsx', code: 'export const X = (props: { s: string }) => <div innerHTML={props.s} />\n', rule: 'no-restricted-syntax' },
  { name: 'views with prop:innerHTML', file: 'src/views/X.tsx', code: 'export const X = (props: { s: string }) => <div prop:innerHTML={props.s} />\n', rule: 'no-restricted-syntax' },

  // src/doc
  { name: 'doc importing solid-js', file: 'src/doc/x.ts', code: "import 'solid-js'\n", rule: 'no-restricted-imports' },
  { name: 'doc importing y-webrtc', file: 'src/doc/x.ts', code: "import { WebrtcProvider } from 'y-webrtc'\nexport const p = WebrtcProvider\n", rule: 'no-restricted-imports' },
  { name: 'doc importing lib0', file: 'src/doc/x.ts', code: "import * as random from 'lib0/random'\nexport const r = random\n", rule: 'no-restricted-imports' },
  { name: 'doc importing idb-keyval', file: 'src/doc/x.ts', code: "import { get } from 'idb-keyval'\nexport const g = get\n", rule: 'no-restricted-imports' },
  { name: 'doc importing src/net', file: 'src/doc/x.ts', code: "import { join } from '../net/rooms'\nexport const j = join\n", rule: 'no-restricted-imports' },
  { name: 'doc importing src/i18n', file: 'src/doc/sub/x.ts', code: "import { t } from '../../i18n/en'\nexport const tt = t\n", rule: 'no-restricted-imports' },
  { name: 'doc type-importing src/store', file: 'src/doc/x.ts', code: "import type { Store } from '../store/types'\nexport type S = Store\n", rule: 'no-restricted-imports' },
  { name: 'doc dynamically importing y-indexeddb', file: 'src/doc/x.ts', code: "export const load = () => import('y-indexeddb')\n", rule: 'no-restricted-syntax' },
  { name: 'doc using window', file: 'src/doc/x.ts', code: 'export const w = window.location.href\n', rule: 'no-restricted-globals' },
  { name: 'doc using document', file: 'src/doc/x.ts', code: "export const d = document.createElement('p')\n", rule: 'no-restricted-globals' },
  { name: 'doc using indexedDB', file: 'src/doc/x.ts', code: "export const r = indexedDB.open('x')\n", rule: 'no-restricted-globals' },
  { name: 'doc using localStorage via globalThis', file: 'src/doc/x.ts', code: "export const v = globalThis.localStorage.getItem('x')\n", rule: 'no-restricted-globals' },
  { name: 'doc using fetch', file: 'src/doc/x.ts', code: "export const r = fetch('/x')\n", rule: 'no-restricted-globals' },
  { name: 'doc using RTCPeerConnection', file: 'src/doc/x.ts', code: 'export const pc = new RTCPeerConnection()\n', rule: 'no-restricted-globals' },
  { name: 'doc using WebSocket', file: 'src/doc/x.ts', code: "export const ws = new WebSocket('ws://x')\n", rule: 'no-restricted-globals' },

  // src/net and src/store
  { name: 'net importing solid-js', file: 'src/net/x.ts', code: "import { createSignal } from 'solid-js'\nexport const s = createSignal(0)\n", rule: 'no-restricted-imports' },
  { name: 'store importing solid-js/store', file: 'src/store/x.ts', code: "import { createStore } from 'solid-js/store'\nexport const s = createStore({})\n", rule: 'no-restricted-imports' },
  { name: 'store importing src/views', file: 'src/store/x.ts', code: "import { ChatBox } from '../views/ChatBox'\nexport const c = ChatBox\n", rule: 'no-restricted-imports' },
  { name: 'net importing src/views', file: 'src/net/x.ts', code: "import { ChatBox } from '../views/ChatBox'\nexport const c = ChatBox\n", rule: 'no-restricted-imports' },

  // all of src
  { name: 'assigning innerHTML', file: 'src/app/x.ts', code: 'export function f(el: Element, s: string) {\n  el.innerHTML = s\n}\n', rule: 'no-restricted-properties' },
  { name: 'assigning innerHTML in doc', file: 'src/doc/x.ts', code: 'export function f(el: { innerHTML: string }, s: string) {\n  el.innerHTML = s\n}\n', rule: 'no-restricted-properties' },
  { name: 'assigning outerHTML in net', file: 'src/net/x.ts', code: 'export function f(el: Element, s: string) {\n  el.outerHTML = s\n}\n', rule: 'no-restricted-properties' },
  { name: 'insertAdjacentHTML', file: 'src/views/x.ts', code: "export function f(el: Element, s: string) {\n  el.insertAdjacentHTML('beforeend', s)\n}\n", rule: 'no-restricted-properties' },
  { name: 'document.write', file: 'src/app/x.ts', code: "export function f(s: string) {\n  document.write(s)\n}\n", rule: 'no-restricted-properties' },
  { name: 'innerHTML prop outside views', file: 'src/app/X.tsx', code: 'export const X = (props: { s: string }) => <div innerHTML={props.s} />\n', rule: 'no-restricted-syntax' },
  { name: 'console.log in src', file: 'src/store/x.ts', code: "console.log('debug')\n", rule: 'no-console' },
]

describe('layer fences fire', () => {
  it.each(fences)('$name ($file) is reported by $rule', async ({ file, code, rule }) => {
    expect(await rulesFired(file, code)).toContain(rule)
  })
})

const clean: Array<{ layer: string; file: string; code: string }> = [
  {
    layer: 'src/doc',
    file: 'src/doc/transcript.ts',
    code: [
      "import * as Y from 'yjs'",
      "import { LOCAL } from './origins'",
      "import type { Entry } from './sub/types'",
      '',
      '/** Appends one entry in one local transaction. */',
      'export function appendEntry(doc: Y.Doc, id: string, entry: Entry): void {',
      "  doc.transact(() => doc.getMap('entries').set(id, entry), LOCAL)",
      '}',
      '',
      '/** Reports a peer value that failed validation. */',
      'export function warnDropped(id: string): void {',
      "  console.warn('dropped', id)",
      '}',
      '',
    ].join('\n'),
  },
  {
    layer: 'src/doc (nested)',
    file: 'src/doc/sub/types.ts',
    code: "import type { Origin } from '../origins'\n\n/** One transcript entry. */\nexport type Entry = { text: string; origin?: Origin }\n",
  },
  {
    layer: 'src/views',
    file: 'src/views/ChatBox.tsx',
    code: [
      "import { For, createSignal } from 'solid-js'",
      "import type * as Y from 'yjs'",
      "import { readTranscript } from '../doc/transcript'",
      "import { useSession } from '../app/shell/appContext'",
      "import { t } from '../i18n/catalog'",
      '',
      '/** The chat box of one session. */',
      'export function ChatBox(props: { doc: Y.Doc }) {',
      '  let list: HTMLDivElement | undefined // assigned by Solid\'s ref',
      '  const session = useSession()',
      "  const [draft, setDraft] = createSignal('')",
      '  return (',
      '    <section aria-label={t(session.lang, "chat")} onClick={() => list?.focus()}>',
      '      <div ref={list} />',
      '      <For each={readTranscript(props.doc)}>{(e) => <p textContent={e.text} />}</For>',
      '      <input value={draft()} onInput={(ev) => setDraft(ev.currentTarget.value)} />',
      '    </section>',
      '  )',
      '}',
      '',
    ].join('\n'),
  },
  {
    layer: 'src/net',
    file: 'src/net/provider.ts',
    code: [
      "import { WebrtcProvider } from 'y-webrtc'",
      "import type * as Y from 'yjs'",
      "import { ROOM_PREFIX } from '../doc/constants'",
      '',
      '/** Joins a room; signaling and ICE come from config. */',
      'export function connect(doc: Y.Doc, room: string, signaling: string[]): WebrtcProvider {',
      '  return new WebrtcProvider(ROOM_PREFIX + room, doc, { signaling })',
      '}',
      '',
      '/** Lets net probe config without the views. */',
      'export const probe = () => fetch("/config.json")',
      '',
    ].join('\n'),
  },
  {
    layer: 'src/store',
    file: 'src/store/prefs.ts',
    code: [
      "import { IndexeddbPersistence } from 'y-indexeddb'",
      "import { get, set } from 'idb-keyval'",
      "import type * as Y from 'yjs'",
      '',
      '/** Attaches persistence before any network provider. */',
      'export const persist = (name: string, doc: Y.Doc) => new IndexeddbPersistence(name, doc)',
      '/** Reads a local preference. */',
      "export const readPref = (key: string) => get(key) ?? localStorage.getItem(key)",
      '/** Writes a local preference. */',
      'export const writePref = (key: string, value: string) => set(key, value)',
      '',
    ].join('\n'),
  },
  {
    layer: 'src/app',
    file: 'src/app/main.tsx',
    code: [
      "import { render } from 'solid-js/web'",
      "import { ChatBox } from '../views/ChatBox'",
      "import { connect } from '../net/provider'",
      "import { persist } from '../store/prefs'",
      "import * as Y from 'yjs'",
      '',
      'const doc = new Y.Doc()',
      "persist('s', doc)",
      "connect(doc, 'r', ['ws://localhost/signal'])",
      "const root = document.getElementById('root')",
      'if (root) render(() => <ChatBox doc={doc} />, root)',
      '',
    ].join('\n'),
  },
  {
    layer: 'server',
    file: 'server/main.ts',
    code: "import { createServer } from 'node:http'\n\nconst port = Number(process.env.PORT ?? 8080)\ncreateServer().listen(port, () => console.log(`Asiste is running at http://localhost:${port}/`))\n",
  },
  {
    layer: 'tests',
    file: 'tests/doc/x.test.ts',
    code: "import { expect, it } from 'vitest'\n\nit('adds', () => {\n  console.log(process.env.CI)\n  expect(1 + 1).toBe(2)\n})\n",
  },
]

describe('clean code passes the fences', () => {
  it.each(clean)('a typical $layer file ($file) has no lint messages', async ({ file, code }) => {
    expect(await lint(file, code)).toEqual([])
  })
})

describe('views reach src/app through context only', () => {
  it('a view may import the contexts and any type from src/app', async () => {
    const code = "import { useSession } from '../../app/shell/appContext'\nimport type { RepSessionModel } from '../../app/session/repSessionModel'\n\n/** Its name. */\nexport const name = (): RepSessionModel['sessionId'] => useSession().sessionId\n"
    expect(await lint('src/views/session/X.tsx', code)).toEqual([])
  })
})

describe('type-aware rules', () => {
  it('a promise nobody awaits, returns or voids is reported (so a failure cannot vanish)', async () => {
    const code = "/** Saves. */\nexport async function save(): Promise<void> {}\n\n/** Runs. */\nexport function run(): void {\n  save()\n}\n"
    const [result] = await typed.lintText(code, { filePath: 'src/app/shell/waitFor.ts' })
    expect(result?.messages.map((m) => m.ruleId)).toContain('@typescript-eslint/no-floating-promises')
    const voided = code.replace('  save()', '  void save()')
    const [clean] = await typed.lintText(voided, { filePath: 'src/app/shell/waitFor.ts' })
    expect(clean?.messages.map((m) => m.ruleId)).not.toContain('@typescript-eslint/no-floating-promises')
  })
})

describe('ignores', () => {
  it('does not lint build output', async () => {
    expect(await eslint.isPathIgnored('dist/assets/index.js')).toBe(true)
    expect(await eslint.isPathIgnored('.test-output/unit.json')).toBe(true)
  })
})
