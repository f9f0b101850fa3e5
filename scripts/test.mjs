// The one gate: `npm test` (and CI, through .ci/run) runs this.
//
//   npm test                    typecheck → lint → cycles → unit (vitest) → build → e2e (playwright)
//   npm test -- --unit [args]   typecheck → lint → unit; extra args go to vitest
//   npm test -- --e2e [args]    build → e2e; extra args go to playwright
//
// Typecheck and lint stop the run on failure. Unit and e2e both run even if
// the other fails (a failed build skips e2e, which would test a stale dist/).
// Each tool streams its own output; counts come from the JSON reports the
// tools write to .test-output/. The LAST line printed is `N passed, N failed`
// (unit + e2e tests; a step that failed without a usable report adds 1 failed)
// and CI reads it, so nothing may be printed after it.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = join(ROOT, '.test-output')
const UNIT_REPORT = join(OUT, 'unit.json')
const E2E_REPORT = join(OUT, 'e2e.json')

const argv = process.argv.slice(2)
const unitOnly = argv.includes('--unit')
const e2eOnly = argv.includes('--e2e')
const extra = argv.filter((a) => a !== '--unit' && a !== '--e2e')
if ((unitOnly && e2eOnly) || (extra.length > 0 && !unitOnly && !e2eOnly)) {
  console.error('usage: npm test [-- --unit [vitest args] | -- --e2e [playwright args]]')
  process.exit(2)
}

/** Path of a package's CLI entry, run with this Node (no shell, no npx lookup). */
function bin(pkg, name) {
  const dir = join(ROOT, 'node_modules', pkg)
  const { bin: field } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const entry = typeof field === 'string' ? field : field?.[name]
  if (!entry) throw new Error(`${pkg} has no "${name}" binary; run npm ci`)
  return join(dir, entry)
}

const useColor = process.stdout.isTTY && !process.env.NO_COLOR
const bold = (text) => (useColor ? `\x1b[1m${text}\x1b[0m` : text)

let current = null
let interrupted = false
for (const signal of ['SIGINT', 'SIGTERM']) {
  // Ctrl-C already reaches the child (same process group); just stop after it.
  process.on(signal, () => {
    interrupted = true
    if (signal === 'SIGTERM') current?.kill('SIGTERM')
  })
}

/** Runs one tool with inherited stdio; resolves to its exit code and duration. */
function run(label, pkg, name, args, env = {}) {
  const shown = [name, ...args].join(' ')
  console.log(`\n${bold(`▶ ${label}: ${shown}`)}`)
  const started = Date.now()
  return new Promise((done) => {
    let child
    try {
      child = spawn(process.execPath, [bin(pkg, name), ...args], {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, ...env },
      })
    } catch (error) {
      console.error(error instanceof Error ? error.message : error)
      done({ code: 1, ms: Date.now() - started })
      return
    }
    current = child
    child.on('error', (error) => {
      console.error(`${label}: ${error.message}`)
    })
    child.on('close', (code, signal) => {
      current = null
      done({ code: code ?? (signal ? 1 : 0), ms: Date.now() - started })
    })
  })
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

/** Counts from Vitest's JSON report; a file that failed outside any test (import error, hook) counts as one failure. */
function countVitest(report) {
  if (!report || typeof report.numPassedTests !== 'number') return null
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    note: brokenFiles ? `${brokenFiles} file(s) failed to run` : '',
  }
}

/** Counts from Playwright's JSON report; flaky tests passed on retry; errors outside tests (webServer, no tests found) count as failures. */
function countPlaywright(report) {
  const stats = report?.stats
  if (!stats || typeof stats.expected !== 'number') return null
  const globalErrors = (report.errors ?? []).length
  return {
    passed: stats.expected + stats.flaky,
    failed: stats.unexpected + globalErrors,
    skipped: stats.skipped,
    note: [stats.flaky ? `${stats.flaky} flaky` : '', globalErrors ? `${globalErrors} error(s) outside tests` : '']
      .filter(Boolean)
      .join(', '),
  }
}

/**
 * Merges a tool's exit code with its report: no report, or a non-zero exit the
 * report doesn't explain (crash, unhandled error), counts as one failure.
 */
function settle({ code, ms }, counts) {
  if (!counts) return { passed: 0, failed: 1, skipped: 0, note: `exit ${code}, no report`, ok: false, ms }
  if (code !== 0 && counts.failed === 0) {
    return { ...counts, failed: 1, note: [counts.note, `exit ${code} without a failed test`].filter(Boolean).join(', '), ok: false, ms }
  }
  return { ...counts, ok: code === 0 && counts.failed === 0, ms }
}

/** Debian's Chromium, which playwright.config.ts launches when it is there. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium'
const NO_CHROMIUM =
  'No Chromium for the browser tests: run `npx playwright install chromium` (or, as root on Debian or Ubuntu, `apt-get install chromium`), or set PW_CHROMIUM_PATH to a Chromium binary.'

/** Whether playwright.config.ts will find a Chromium to launch: PW_CHROMIUM_PATH, the system one, or Playwright's own download. */
async function chromiumFound() {
  if (process.env.PW_CHROMIUM_PATH) return existsSync(process.env.PW_CHROMIUM_PATH)
  if (existsSync(SYSTEM_CHROMIUM)) return true
  try {
    const { chromium } = await import('playwright-core')
    return existsSync(chromium.executablePath())
  } catch {
    return false
  }
}

/** @type {Array<{ name: string, ok: boolean | null, ms?: number, passed?: number, failed?: number, skipped?: number, note?: string }>} */
const steps = []
const skip = (name, why) => steps.push({ name, ok: null, note: why })
const stopped = () => interrupted || steps.some((s) => s.ok === false && (s.name === 'typecheck' || s.name === 'lint' || s.name === 'cycles'))

mkdirSync(OUT, { recursive: true })

// ── static checks: stop on the first failure ────────────────────────────
if (!e2eOnly) {
  for (const [name, pkg, tool, args] of [
    ['typecheck', 'typescript', 'tsc', ['--noEmit', '-p', 'tsconfig.json']],
    ['lint', 'eslint', 'eslint', ['.']],
    // Import cycles (type-only imports included): 0 allowed.
    ['cycles', 'dpdm', 'dpdm', ['--no-warning', '--no-tree', '--exit-code', 'circular:1', 'src/main.tsx', 'src/views/**/*.tsx', 'server/main.ts']],
  ]) {
    if (stopped()) {
      skip(name, 'skipped')
      continue
    }
    const { code, ms } = await run(name, pkg, tool, args)
    steps.push({ name, ok: code === 0, ms, failed: code === 0 ? 0 : 1 })
  }
}

// ── unit tests ───────────────────────────────────────────────────────────
if (!e2eOnly) {
  if (stopped()) skip('unit', 'skipped')
  else {
    rmSync(UNIT_REPORT, { force: true })
    const result = await run('unit', 'vitest', 'vitest', [
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${relative(ROOT, UNIT_REPORT)}`,
      ...(unitOnly ? extra : []),
    ])
    steps.push({ name: 'unit', ...settle(result, countVitest(readJson(UNIT_REPORT))) })
  }
}

// ── build, then browser tests against it ─────────────────────────────────
if (!unitOnly) {
  if (stopped()) {
    skip('build', 'skipped')
    skip('e2e', 'skipped')
  } else if (!(await chromiumFound())) {
    // One clear line instead of Playwright's "Executable doesn't exist" for every test.
    console.error(`\n${bold(NO_CHROMIUM)}`)
    skip('build', 'skipped: no Chromium')
    steps.push({ name: 'e2e', ok: false, passed: 0, failed: 1, skipped: 0, note: 'no Chromium (see the line above)' })
  } else {
    const build = await run('build', 'vite', 'vite', ['build'])
    steps.push({ name: 'build', ok: build.code === 0, ms: build.ms, failed: build.code === 0 ? 0 : 1 })
    if (build.code !== 0 || stopped()) skip('e2e', 'skipped: build failed')
    else {
      rmSync(E2E_REPORT, { force: true })
      const result = await run(
        'e2e',
        '@playwright/test',
        'playwright',
        ['test', '--reporter=list,json', ...(e2eOnly ? extra : [])],
        { PLAYWRIGHT_JSON_OUTPUT_FILE: E2E_REPORT },
      )
      steps.push({ name: 'e2e', ...settle(result, countPlaywright(readJson(E2E_REPORT))) })
    }
  }
}

/** `file › test: first line of the error` for each failed test in the Vitest report (CI shows only the tail of the output). */
function failedUnitTests(report) {
  const lines = []
  for (const file of report?.testResults ?? []) {
    const name = relative(ROOT, file.name ?? '')
    const failedTests = (file.assertionResults ?? []).filter((a) => a.status === 'failed')
    for (const test of failedTests) {
      const reason = String(test.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 200)
      lines.push(`${name} › ${test.fullName ?? test.title}: ${reason}`)
    }
    if (file.status === 'failed' && failedTests.length === 0) lines.push(`${name}: ${String(file.message ?? 'failed to run').split('\n')[0].slice(0, 200)}`)
  }
  return lines
}

/** `file:line › test` for each test Playwright counted as failed (flaky ones passed on retry and are not listed). */
function failedE2eTests(report) {
  const lines = []
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'unexpected') lines.push(`${spec.file}:${spec.line} › ${spec.title}`)
      }
    }
    for (const child of suite.suites ?? []) walk(child)
  }
  for (const suite of report?.suites ?? []) walk(suite)
  return lines
}

// ── summary ──────────────────────────────────────────────────────────────
// Tests count from the unit and e2e reports; a failed non-test step adds 1.
let passed = 0
let failed = 0
const failures = [
  ...(steps.some((s) => s.name === 'unit' && s.ok === false) ? failedUnitTests(readJson(UNIT_REPORT)) : []),
  ...(steps.some((s) => s.name === 'e2e' && s.ok === false) ? failedE2eTests(readJson(E2E_REPORT)) : []),
]
if (failures.length > 0) {
  console.log(`\n${bold('── failed ──')}`)
  for (const line of failures.slice(0, 20)) console.log(`  ${line}`)
  if (failures.length > 20) console.log(`  … and ${failures.length - 20} more`)
}
console.log(`\n${bold('── summary ──')}`)
for (const step of steps) {
  const status = step.ok === null ? 'skip' : step.ok ? 'ok' : 'FAIL'
  const counts =
    step.passed === undefined ? '' : `${step.passed} passed, ${step.failed} failed, ${step.skipped} skipped`
  const time = step.ms === undefined ? '' : `${(step.ms / 1000).toFixed(1)}s`
  const detail = [counts, step.note].filter(Boolean).join('; ')
  console.log(`  ${step.name.padEnd(10)} ${status.padEnd(5)} ${time.padStart(7)}  ${detail}`.trimEnd())
  passed += step.passed ?? 0
  failed += step.failed ?? 0
}
if (interrupted) {
  console.log('  interrupted')
  failed = Math.max(failed, 1)
}
console.log(`${passed} passed, ${failed} failed`)
process.exitCode = failed > 0 || steps.some((s) => s.ok === false) ? 1 : 0
