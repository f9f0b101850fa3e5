import { defineConfig } from 'vitest/config'
import solid from 'vite-plugin-solid'

// Two projects: Node-only code (server, lint) must resolve packages with Node's
// conditions, while app code needs Solid's JSX transform. vite-plugin-solid
// adds the `browser` condition, which would hand the server `ws`'s browser stub.
// Correctness tests, not timing tests: a loaded 2-core machine must not turn a slow seed loop into a failure.
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'node', testTimeout: 30_000, include: ['tests/{server,lint,i18n}/**/*.test.ts'], environment: 'node', setupFiles: ['tests/setup/catalogs.ts'] },
      },
      {
        plugins: [solid()],
        test: { name: 'app', testTimeout: 30_000, include: ['tests/{doc,net,store,views,app}/**/*.test.{ts,tsx}'], environment: 'node', setupFiles: ['tests/setup/catalogs.ts'] },
      },
    ],
  },
})
