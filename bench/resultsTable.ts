/**
 * Prints bench/results.json as the Markdown table BENCHMARKS.md holds
 * (`npx tsx bench/resultsTable.ts`), so the recorded run is copied, not retyped.
 */
import { readFile } from 'node:fs/promises'
import type { BenchResult } from './benchResult'

type StoredResult = BenchResult & { module: string; measuredAt: string }

const KEPT_VALUES = 6 // secondary figures shown per row; the rest stay in results.json

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  const digits = Number.isInteger(value) ? 0 : Math.abs(value) >= 100 ? 1 : Math.abs(value) >= 1 ? 2 : 4
  return value.toLocaleString('en-US', { maximumFractionDigits: digits })
}

const rows = JSON.parse(await readFile(new URL('./results.json', import.meta.url), 'utf8')) as StoredResult[]
console.log('| module | row | value | unit | baseline (value) | ratio | details |')
console.log('|---|---|---:|---|---|---:|---|')
for (const row of rows) {
  const details = Object.entries(row.values ?? {})
    .slice(0, KEPT_VALUES)
    .map(([key, value]) => `${key} ${format(value)}`)
    .join(', ')
  const baseline = row.baseline ? `${row.baseline.name} (${format(row.baseline.value)})` : ''
  const ratio = row.ratio === undefined ? '' : `${format(row.ratio)}×`
  console.log(`| ${row.module} | ${row.name} | ${format(row.value)} | ${row.unit} | ${baseline} | ${ratio} | ${details} |`)
}
