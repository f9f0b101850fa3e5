import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'
import { VitePWA } from 'vite-plugin-pwa'

export default defineConfig({
  plugins: [
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
  build: { target: 'es2022', sourcemap: true }
})
