// ESLint flat config. Besides the recommended sets, it enforces the layer
// fences of DESIGN.md §3 so a layer that reaches past its neighbours fails
// `npm test` instead of waiting for review. tests/lint/fences.test.ts proves
// each fence fires (and that clean code passes).
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const SRC = ['src/**/*.{ts,tsx,js,jsx}']
const DOC = ['src/doc/**/*.{ts,tsx,js,jsx}']
const VIEWS = ['src/views/**/*.{ts,tsx,js,jsx}']
const NET_AND_STORE = ['src/net/**/*.{ts,tsx,js,jsx}', 'src/store/**/*.{ts,tsx,js,jsx}']

/** A relative import that climbs into another src layer, from any depth. */
const layerPath = (layers) => `^(?:\\.\\./)+(?:${layers.join('|')})(?:/|$)`

// Bans that hold everywhere in src/. ESLint rules don't merge across config
// objects (the later one replaces the options), so the layer blocks below
// spread these in rather than restating the rule.
const SRC_RESTRICTED_PROPERTIES = [
  ...['innerHTML', 'outerHTML', 'insertAdjacentHTML'].map((property) => ({
    property,
    message: 'Raw HTML injection: build DOM nodes or use JSX text (peers are untrusted input).',
  })),
  ...['write', 'writeln'].map((property) => ({
    object: 'document',
    property,
    message: 'document.write is banned: build DOM nodes or use JSX.',
  })),
]
const SRC_RESTRICTED_SYNTAX = [
  {
    selector: 'JSXAttribute[name.name=/^(innerHTML|outerHTML)$/]',
    message: "Solid's innerHTML prop renders raw HTML; render text instead (peers are untrusted input).",
  },
  {
    selector: 'JSXAttribute > JSXNamespacedName[name.name=/^(innerHTML|outerHTML)$/]',
    message: "prop:innerHTML renders raw HTML; render text instead (peers are untrusted input).",
  },
]

/** Forbid dynamic `import('x')` of the same modules a static fence forbids. */
const dynamicImportBan = (regex, message) => ({
  // esquery ends a regex literal at the first bare slash, so escape them.
  selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\/')}/]`,
  message,
})

const DOC_IMPORT_MESSAGE =
  'src/doc is the pure model: it imports only yjs and files inside src/doc (DESIGN.md §3).'
const VIEWS_IMPORT_MESSAGE =
  'src/views reads through src/doc and gets state via context; transport and storage belong to src/net, src/store, src/app (DESIGN.md §3).'
const NET_STORE_IMPORT_MESSAGE =
  'src/net and src/store must not depend on Solid or the views; src/app wires them together (DESIGN.md §3).'

// Anything bare other than yjs, or a path into a sibling layer.
const DOC_BARE = '^(?!yjs$|\\.{1,2}(?:/|$))'
const DOC_SIBLINGS = layerPath(['net', 'store', 'app', 'views', 'i18n'])
const VIEWS_BANNED = '^(?:y-webrtc|y-indexeddb|idb-keyval)(?:/|$)'
const VIEWS_SIBLINGS = layerPath(['net', 'store'])
// From src/app a view takes only the contexts (models reach it through them) and types.
const VIEWS_APP = '^(?:\\.\\./)+app/(?!shell/appContext$)'
const VIEWS_APP_MESSAGE = 'Views render models they get through context (useApp, useConsole, useSession, useCustomerSession): from src/app import only app/shell/appContext and types.'
const NET_STORE_BANNED = '^solid-js(?:/|$)'
const NET_STORE_SIBLINGS = layerPath(['views'])

// Entries are written only through src/doc's writers (appendMessage, appendStatusNote, …), which
// hold the author-role rule the relay depends on: no hand-built entry literal outside src/doc.
const ENTRY_LITERAL = {
  group: ['**/doc/transcript'],
  importNames: ['appendEntry', 'putEntryIfAbsent'],
  message: 'Write entries with appendMessage / appendStatusNote / appendPushedUrl from src/doc (one author-role rule).',
}

const NODE_FILES = [
  'tests/**/*.{ts,tsx,js,mjs}',
  'bench/**/*.{ts,js,mjs}',
  'scripts/**/*.{ts,js,mjs}',
  'server/**/*.{ts,js,mjs}',
  '*.config.{ts,js,mjs}',
]

export default defineConfig(
  { ignores: ['dist/', 'dev-dist/', 'node_modules/', '.test-output/', 'test-results/', 'playwright-report/'] },

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },

  // ── src/**: browser code ──────────────────────────────────────────────
  {
    files: SRC,
    languageOptions: { globals: globals.browser },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-restricted-properties': ['error', ...SRC_RESTRICTED_PROPERTIES],
      'no-restricted-syntax': ['error', ...SRC_RESTRICTED_SYNTAX],
    },
  },

  {
    files: ['src/app/**/*.{ts,tsx}', 'src/main.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ENTRY_LITERAL] }] },
  },

  {
    // Solid compiles `<div ref={el} />` into an assignment to `el`; the rule can't see that.
    files: ['src/**/*.{tsx,jsx}'],
    rules: { 'no-unassigned-vars': 'off' },
  },

  // ── src/doc: the model imports yjs only and touches no platform API ───
  {
    files: DOC,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: DOC_BARE, message: DOC_IMPORT_MESSAGE },
            { regex: DOC_SIBLINGS, message: DOC_IMPORT_MESSAGE },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        {
          checkGlobalObject: true,
          globals: ['window', 'document', 'indexedDB', 'localStorage', 'sessionStorage', 'fetch', 'RTCPeerConnection', 'WebSocket'].map(
            (name) => ({ name, message: 'src/doc is pure: no DOM, storage or network (DESIGN.md §3).' }),
          ),
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...SRC_RESTRICTED_SYNTAX,
        dynamicImportBan(DOC_BARE, DOC_IMPORT_MESSAGE),
        dynamicImportBan(DOC_SIBLINGS, DOC_IMPORT_MESSAGE),
      ],
    },
  },

  // ── src/views: Solid components, no transport or storage ──────────────
  {
    files: VIEWS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: VIEWS_BANNED, message: VIEWS_IMPORT_MESSAGE },
            { regex: VIEWS_SIBLINGS, message: VIEWS_IMPORT_MESSAGE },
            { regex: VIEWS_APP, message: VIEWS_APP_MESSAGE, allowTypeImports: true },
            ENTRY_LITERAL,
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        {
          checkGlobalObject: true,
          globals: ['indexedDB', 'localStorage', 'sessionStorage', 'RTCPeerConnection', 'fetch', 'WebSocket'].map((name) => ({
            name,
            message: 'Views get state via context; storage and network live in src/store, src/net (DESIGN.md §3).',
          })),
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...SRC_RESTRICTED_SYNTAX,
        dynamicImportBan(VIEWS_BANNED, VIEWS_IMPORT_MESSAGE),
        dynamicImportBan(VIEWS_SIBLINGS, VIEWS_IMPORT_MESSAGE),
        dynamicImportBan(VIEWS_APP, VIEWS_APP_MESSAGE),
      ],
    },
  },

  // ── src/net, src/store: no UI framework ────────────────────────────────
  {
    files: NET_AND_STORE,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: NET_STORE_BANNED, message: NET_STORE_IMPORT_MESSAGE },
            { regex: NET_STORE_SIBLINGS, message: NET_STORE_IMPORT_MESSAGE },
            ENTRY_LITERAL,
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...SRC_RESTRICTED_SYNTAX,
        dynamicImportBan(NET_STORE_BANNED, NET_STORE_IMPORT_MESSAGE),
        dynamicImportBan(NET_STORE_SIBLINGS, NET_STORE_IMPORT_MESSAGE),
      ],
    },
  },

  // ── type-aware rules: a promise nobody awaits or handles hides its failure ──
  {
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },

  // ── Node-side code: tests, bench, scripts, server, tool configs ───────
  {
    files: NODE_FILES,
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
  {
    // Unit tests of views run in happy-dom; e2e tests pass callbacks to the page.
    files: ['tests/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['eslint.config.js', 'scripts/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
)
