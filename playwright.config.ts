// Browser tests: real Chromium, one browser context per person (see
// tests/e2e/fixtures.ts), against the built app served by server/main.ts.
// `npm test` runs `vite build` first and adds a JSON reporter; run alone with
// `npm run build && npx playwright test`.
import { existsSync } from 'node:fs'
import { defineConfig, type LaunchOptions } from '@playwright/test'

/** Debian's Chromium, installed by .ci/run (and usually present on dev boxes). */
const SYSTEM_CHROMIUM = '/usr/bin/chromium'

/** Flags for a system Chromium: no sandbox (CI runs as root) and no background traffic that slows or flakes tests. */
const SYSTEM_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Which Chromium to launch: `PW_CHROMIUM_PATH` if set, else the system
 * `/usr/bin/chromium`, else Playwright's bundled build (`npx playwright install chromium`).
 */
export function chromiumLaunchOptions(env: NodeJS.ProcessEnv = process.env): LaunchOptions {
  const fromEnv = env.PW_CHROMIUM_PATH
  if (fromEnv) return { executablePath: fromEnv, args: SYSTEM_CHROMIUM_ARGS }
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args: SYSTEM_CHROMIUM_ARGS }
  return {}
}

/** A fixed port keeps reuseExistingServer useful locally; override when 8199 is taken. */
const PORT = Number(process.env.E2E_PORT ?? 8199)
const BASE_URL = `http://127.0.0.1:${PORT}/`
const CI = Boolean(process.env.CI)

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '*.spec.ts',
  fullyParallel: true,
  workers: 2, // the test machine has two cores; each test already runs several browser contexts
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  timeout: 60_000,
  expect: { timeout: 10_000 }, // peers find each other through signaling, which can take a few seconds under load
  reporter: 'list',
  outputDir: 'test-results',
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    trace: 'on-first-retry', // CI retries once, so a failure there leaves a trace; locally pass --trace on
  },
  webServer: {
    command: 'npx tsx server/main.ts',
    url: BASE_URL,
    env: { PORT: String(PORT), HOST: '127.0.0.1', ...(process.env.DIST_DIR ? { DIST_DIR: process.env.DIST_DIR } : {}) }, // pin HOST: zsh and some CI images export their own
    reuseExistingServer: !CI,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
