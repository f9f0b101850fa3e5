import { defineConfig } from 'vite'
import solid from 'vite-plugin-solid'
import { VitePWA } from 'vite-plugin-pwa'

export default defineConfig({
  plugins: [
    solid(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Asiste — support chat',
        short_name: 'Asiste',
        description: 'Local-first, peer-to-peer chat box for support representatives',
        theme_color: '#1f5fbf',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: './',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallbackDenylist: [/^\/signal/, /^\/config\.json/],
      },
    }),
  ],
  build: { target: 'es2022', sourcemap: true }
})
