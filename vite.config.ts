import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'
import { VitePWA } from 'vite-plugin-pwa'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'

/**
 * y-webrtc imports simple-peer's prebuilt browserify bundle, which carries
 * Node's stream, buffer and events polyfills (≈97 kB raw, ≈28 kB gzip on every
 * page), and passes every received message through a readable-stream buffer.
 * This resolves that import to src/net/linkPeer.ts, the part of simple-peer's
 * API y-webrtc and Asiste use, written on the browser's RTCPeerConnection with
 * the same signals on the wire. Nothing in node_modules is patched. Exported
 * for the bundle floor (bench/bundles.bench.ts), built with the same peer.
 */
export function linkPeerForYWebrtc(): Plugin {
  const linkPeer = fileURLToPath(new URL('./src/net/linkPeer.ts', import.meta.url))
  return {
    name: 'asiste:link-peer-for-y-webrtc',
    enforce: 'pre',
    resolveId(source) {
      return source === 'simple-peer/simplepeer.min.js' ? linkPeer : null
    },
  }
}

/**
 * Adapters for the opening of big sessions (BENCHMARKS.md, bigSession), each applied to imports made
 * from inside one dependency only, nothing in node_modules patched: Yjs reads with `src/net/fastDecoding.ts`
 * (lib0's decoding with fewer allocations) and writes with `src/net/fastEncoding.ts` (strings copied at once),
 * and y-webrtc's connect-time broadcast to other tabs sends what changed since the IndexedDB load instead of the whole document (`src/net/tabSyncStep2.ts`). A third, for
 * the send path, swaps y-webrtc's lib0/broadcastchannel for `src/net/roomSends.ts`.
 * Exported for the bundle floor with the chat's essentials (bench/bundles.bench.ts), built with the same adapters.
 */
export function fastOpenAdapters(): Plugin {
  const src = (name: string): string => fileURLToPath(new URL(`./src/net/${name}.ts`, import.meta.url))
  return {
    name: 'asiste:fast-open-adapters',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer) return null
      if (source === 'lib0/decoding' && /[\\/]node_modules[\\/]yjs[\\/]/.test(importer)) return src('fastDecoding')
      if (source === 'lib0/encoding' && /[\\/]node_modules[\\/]yjs[\\/]/.test(importer)) return src('fastEncoding')
      if (source === 'y-protocols/sync' && /[\\/]node_modules[\\/]y-webrtc[\\/]/.test(importer)) return src('tabSyncStep2')
      // Send path (issue 20): no post to other tabs when there are none, no echo to this page (src/net/roomSends.ts).
      if (source === 'lib0/broadcastchannel' && /[\\/]node_modules[\\/]y-webrtc[\\/]/.test(importer)) return src('roomSends')
      return null
    },
  }
}

/**
 * lib0/dom.js (which lib0/logging imports, and so Yjs and y-webrtc) defines four schema checks at module
 * level with `$.$custom(…)`: calls a bundler must keep, and with them all of lib0/schema (≈6.5 kB raw,
 * ≈2.2 kB gzip on every page) though nothing here uses a check. Marking those calls pure (they only build
 * a checker object) lets the unused ones, and lib0/schema, be tree-shaken. Only that file is touched, in
 * the build, nothing in node_modules patched; were lib0 to change the line, the build would just keep them.
 * Exported for the bundle floor (bench/bundles.bench.ts), built with the same adapters.
 */
export function lib0DomWithoutSchema(): Plugin {
  return {
    name: 'asiste:lib0-dom-without-schema',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]lib0[\\/]dom\.js$/.test(id)) return null
      return { code: code.replaceAll('= $.$custom(', '= /* @__PURE__ */ $.$custom('), map: null }
    },
  }
}

/**
 * The entry module stays in the entry chunk: it awaits at top level (the first language, the app's services),
 * and a chunk holding it could not be imported by the lazy chunks it awaits (they would wait for each other).
 */
const isEntry = (id: string): boolean => id === fileURLToPath(new URL('./src/main.tsx', import.meta.url))

/**
 * The modules the customer page needs to start: the entry's static imports and those of the customer
 * page's two lazy chunks (its view and its model), walked when the module graph is complete; and the
 * modules the customer page may fetch later (those two chunks' dynamic imports too: find, rating, dialogs).
 * The chunk groups below read them: code goes to `shared` only if both the customer start and the console
 * start need it, to `customer` (or `customer-portal`) if only the customer start does, and to `console` only
 * if no customer chunk can need it, so a customer never downloads the rep console's widgets (issue 20, bundles).
 * The console's own start set is walked the same way, so code only its lazy parts share (portals, the queue,
 * History) does not ride in the chunk every start loads.
 */
const CUSTOMER_PAGE_ROOTS = ['src/views/customer/CustomerPage.tsx', 'src/app/customer/customerSessionModel.ts']
const customerStart = new Set<string>()
const customerLater = new Set<string>()
/** The modules the rep console needs to start (the entry's static imports and those of its view and model chunks). */
const CONSOLE_ROOTS = ['src/views/console/RepConsole.tsx', 'src/app/console/consoleModel.ts']
const consoleStart = new Set<string>()
/** The modules any page but the rep console may load, now or later (so never in the chunk only the console loads). */
const notConsole = new Set<string>()
/** The portal pages' start (the session-code page and a team portal's request page, each view with its model). */
const PORTAL_ROOTS = ['src/views/customer/PortalPage.tsx', 'src/app/customer/portalModel.ts', 'src/views/customer/PortalRequestPage.tsx', 'src/app/queue/portalRequestModel.ts']
const portalStart = new Set<string>()

function customerModules(): Plugin {
  return {
    name: 'asiste:customer-modules',
    apply: 'build',
    buildEnd() {
      const path = (root: string): string => fileURLToPath(new URL(`./${root}`, import.meta.url))
      const walk = (roots: string[], into: Set<string>, dynamic: boolean, stopAt: string[] = []): void => {
        const pending = roots.map(path)
        const stops = new Set(stopAt.map(path))
        for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
          if (into.has(id) || stops.has(id)) continue
          const info = this.getModuleInfo(id)
          if (!info) throw new Error(`customer modules: no module ${id} (was a root moved?)`)
          into.add(id)
          pending.push(...info.importedIds, ...(dynamic ? info.dynamicallyImportedIds : []))
        }
      }
      customerStart.clear()
      customerLater.clear()
      consoleStart.clear()
      portalStart.clear()
      walk(['src/main.tsx', ...CUSTOMER_PAGE_ROOTS], customerStart, false)
      walk(['src/main.tsx', ...CONSOLE_ROOTS], consoleStart, false)
      walk(PORTAL_ROOTS, portalStart, false)
      walk(CUSTOMER_PAGE_ROOTS, customerLater, true) // not main.tsx's dynamic imports: they include the rep console
      notConsole.clear()
      walk(['src/main.tsx'], notConsole, true, CONSOLE_ROOTS) // every other route and its later chunks (portal pages, debug hooks)
    },
  }
}

export default defineConfig({
  plugins: [
    linkPeerForYWebrtc(),
    fastOpenAdapters(),
    lib0DomWithoutSchema(),
    customerModules(),
    solid(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icon.svg', 'favicon.ico', 'apple-touch-icon-180x180.png'],
      manifest: {
        name: 'Asiste — support chat',
        short_name: 'Asiste',
        description: 'Local-first, peer-to-peer chat box for support representatives',
        theme_color: '#1f5fbf',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: './',
        scope: './',
        // Generated from public/icon.svg by `npm run generate-pwa-assets` (pwa-assets.config.ts).
        icons: [
          { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'maskable-icon-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallbackDenylist: [/^\/signal/, /^\/config\.json/],
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Without groups, the route split leaves ~25 chunks of 0.2–4 kB that every page fetches and gzips apart.
        codeSplitting: {
          groups: [
            // What every page starts with (Yjs, Solid, and the app code both the customer page and the console start
            // with), one chunk: several chunks always fetched together cost their cross-chunk imports and exports
            // and one gzip stream each (issue 20: −1.1 kB gzip on the customer page, −2.9 kB on the console).
            // solid-js/store is left out: only the virtual list (a lazy chunk) uses it.
            { name: 'shared', test: (id) => /[\\/]node_modules[\\/](?:(?:yjs|lib0|y-protocols)[\\/]|solid-js[\\/](?!store[\\/]))|[\\/]src[\\/]net[\\/]fast(De|En)coding\.ts$/.test(id) || (customerStart.has(id) && consoleStart.has(id) && !isEntry(id)) },
            // The customer page's own start (its view and model chunks, and what they import that no console start
            // needs), one chunk; what it shares with the portal pages is a chunk apart (first: a group takes the
            // captured modules' imports too), so a portal page loads no chat code.
            { name: 'customer-portal', test: (id) => customerStart.has(id) && !consoleStart.has(id) && portalStart.has(id), minShareCount: 2 },
            { name: 'customer', test: (id) => customerStart.has(id) && !consoleStart.has(id) },
            // What the console's start shares with other pages' chunks (the customer's tools, the portal pages: icons, proofs,
            // media channels, portal rooms…): one chunk, not one file each.
            { name: 'console-tools', test: (id) => consoleStart.has(id) && notConsole.has(id) && !customerStart.has(id), minShareCount: 2 },
            // What only the console's start loads is one chunk (its view, its model and what they share: fewer files, one gzip
            // window); what only its lazy parts share (portals, queue, History…) is a chunk of its own.
            { name: 'console', test: (id) => /[\\/]src[\\/]/.test(id) && consoleStart.has(id) && !notConsole.has(id) },
            { name: 'console-later', test: (id) => /[\\/]src[\\/]/.test(id) && !customerLater.has(id) && !consoleStart.has(id), minShareCount: 2 },
          ],
        },
      },
    },
  },
})
