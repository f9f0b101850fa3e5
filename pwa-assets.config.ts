/** PWA icons (192 / 512, maskable, apple-touch, favicon) generated from public/icon.svg: `npm run generate-pwa-assets`. */
import { defineConfig, minimal2023Preset } from '@vite-pwa/assets-generator/config'

export default defineConfig({
  headLinkOptions: { preset: '2023' },
  preset: minimal2023Preset,
  images: ['public/icon.svg'],
})
