/**
 * Runs the benchmark modules, prints one table, and stores the rows in
 * bench/results.json. `npm run bench` runs all; `npm run bench -- append`
 * runs the modules whose name contains any of the given words.
 * Benchmarks measure; they never pass or fail.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { BenchModule, BenchResult } from './benchResult'

/** Every benchmark module, by name. Add new ones here. */
const MODULES: { name: string; load: () => Promise<BenchModule> }[] = [
  { name: 'append', load: () => import('./append.bench.ts') },
  { name: 'delivery', load: () => import('./delivery.bench.ts') },
  { name: 'lateJoin', load: () => import('./lateJoin.bench.ts') },
  { name: 'loadSignaling', load: () => import('./loadSignaling.ts') },
  { name: 'slowReaders', load: () => import('./slowReaders.bench.ts') },
  { name: 'search', load: () => import('./search.bench.ts') },
  { name: 'offlineStart', load: () => import('./offlineStart.bench.ts') },
  { name: 'historyStart', load: () => import('./historyStart.bench.ts') },
  { name: 'transport', load: () => import('./transport.bench.ts') },
  { name: 'bytesPerMessage', load: () => import('./bytesPerMessage.bench.ts') },
  { name: 'reconvergence', load: () => import('./reconvergence.bench.ts') },
  { name: 'bigSession', load: () => import('./bigSession.bench.ts') },
  { name: 'bundles', load: () => import('./bundles.bench.ts') },
  { name: 'manySessions', load: () => import('./manySessions.bench.ts') },
  { name: 'signatures', load: () => import('./signatures.bench.ts') },
  { name: 'teamDoc', load: () => import('./teamDoc.bench.ts') },
  { name: 'consoleMemory', load: () => import('./consoleMemory.bench.ts') },
  { name: 'heldUpdates', load: () => import('./heldUpdates.bench.ts') },
  { name: 'fileOffers', load: () => import('./fileOffers.bench.ts') },
  { name: 'portalQueue', load: () => import('./portalQueue.bench.ts') },
]

const RESULTS_FILE = fileURLToPath(new URL('./results.json', import.meta.url))

/** A stored row: the result plus which module produced it, and when. */
type StoredResult = BenchResult & { module: string; measuredAt: string }

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  if (Number.isInteger(value)) return value.toLocaleString('en-US')
  const digits = Math.abs(value) >= 100 ? 1 : Math.abs(value) >= 1 ? 2 : 4
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: Math.min(digits, 2) })
}

function printTable(rows: StoredResult[]): void {
  const header = ['benchmark', 'value', 'unit', 'baseline', 'ratio', 'details']
  const cells = rows.map((row) => [
    row.name,
    formatNumber(row.value),
    row.unit,
    row.baseline ? `${row.baseline.name} (${formatNumber(row.baseline.value)})` : '',
    row.ratio === undefined ? '' : `${formatNumber(row.ratio)}×`,
    [
      ...Object.entries(row.values ?? {}).map(([key, value]) => `${key}=${formatNumber(value)}`),
      ...(row.note ? [row.note] : []),
    ].join('  '),
  ])
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column]!.length)))
  const numeric = new Set([1, 4])
  const render = (line: string[]): string =>
    line
      .map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd()
  console.log(render(header))
  console.log(widths.map((width) => '-'.repeat(width)).join('  '))
  for (const line of cells) console.log(render(line))
}

async function readStored(): Promise<StoredResult[]> {
  try {
    const parsed: unknown = JSON.parse(await readFile(RESULTS_FILE, 'utf8'))
    return Array.isArray(parsed) ? (parsed as StoredResult[]) : []
  } catch {
    return []
  }
}

async function main(): Promise<void> {
  const filters = process.argv.slice(2).filter((arg) => arg !== '--')
  const selected = filters.length === 0 ? MODULES : MODULES.filter((module) => filters.some((word) => module.name.includes(word)))
  if (selected.length === 0) {
    console.error(`No benchmark matches ${filters.join(', ')}. Available: ${MODULES.map((module) => module.name).join(', ')}`)
    process.exitCode = 1
    return
  }

  const fresh: StoredResult[] = []
  const failed: string[] = []
  // Rows of modules not run this time are kept, so filtered runs don't erase the others.
  const ran = new Set(selected.map((module) => module.name))
  const kept = (await readStored()).filter((row) => !ran.has(row.module))
  for (const { name, load } of selected) {
    const started = performance.now()
    console.error(`running ${name}…`)
    try {
      const results = await (await load()).run()
      const measuredAt = new Date().toISOString()
      fresh.push(...results.map((result) => ({ module: name, ...result, measuredAt })))
      console.error(`${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    } catch (error) {
      // One broken module must not cost the rows of the others (a run takes many minutes): say so, go on.
      failed.push(name)
      console.error(`${name} FAILED after ${((performance.now() - started) / 1000).toFixed(1)} s:`, error)
    }
    // Written after every module, so an interrupted run keeps what it measured.
    await writeFile(RESULTS_FILE, `${JSON.stringify([...kept, ...fresh], null, 2)}\n`)
  }
  printTable(fresh)
  console.error(`wrote ${RESULTS_FILE}`)
  if (failed.length > 0) {
    console.error(`failed modules (their earlier rows were dropped from results.json): ${failed.join(', ')}`)
    process.exitCode = 1
  }
}

await main()
