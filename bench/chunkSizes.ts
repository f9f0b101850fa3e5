/**
 * What is in each chunk of a build, and what each route loads, without a browser:
 *
 *   npx vite build --outDir /tmp/asiste-dist --emptyOutDir --manifest
 *   npx tsx bench/chunkSizes.ts /tmp/asiste-dist [modules per chunk, default 12]
 *
 * Per route (customer page, rep console): the entry's static imports plus the
 * route's lazy view and model chunks and their static imports, gzipped one by
 * one (zlib default level) — the `bundles` benchmark measures the same in
 * Chromium, service-worker scripts aside. Per chunk: the minified bytes each
 * source module contributes, read from the chunk's source map.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping'

interface ManifestChunk {
  file: string
  isEntry?: boolean
  imports?: string[]
}

const dir = process.argv[2]
const perChunk = Number(process.argv[3] ?? 12)
if (!dir) throw new Error('usage: tsx bench/chunkSizes.ts <build folder made with --manifest> [modules per chunk]')

const kB = (bytes: number): string => (bytes / 1000).toFixed(1)
const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>
const keyOf = (part: string): string => {
  const key = Object.keys(manifest).find((name) => name.includes(part))
  if (!key) throw new Error(`no chunk for ${part} in the manifest`)
  return key
}
const entry = Object.keys(manifest).find((name) => manifest[name]!.isEntry)!
const routes: Record<string, string[]> = {
  'customer page': [entry, keyOf('views/customer/CustomerPage'), keyOf('app/customer/customerSessionModel')],
  'rep console': [entry, keyOf('views/console/RepConsole'), keyOf('app/console/consoleModel')],
}

for (const [route, roots] of Object.entries(routes)) {
  const seen = new Set<string>()
  const visit = (key: string): void => {
    if (seen.has(key)) return
    seen.add(key)
    manifest[key]!.imports?.forEach(visit)
  }
  roots.forEach(visit)
  const files = [...seen].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'))
  const sizes = files.map((file) => ({ file, gzip: gzipSync(readFileSync(join(dir, file))).byteLength }))
  const total = sizes.reduce((sum, { gzip }) => sum + gzip, 0)
  console.log(`${route}: ${kB(total)} kB gzip in ${files.length} files — ${sizes.map(({ file, gzip }) => `${file.replace('assets/', '')} ${kB(gzip)}`).join(', ')}`)
}

const shortName = (source: string): string => source.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+(work\/[^/]+\/)?/, '')
for (const file of readdirSync(join(dir, 'assets')).filter((name) => name.endsWith('.js'))) {
  const code = readFileSync(join(dir, 'assets', file))
  let map: TraceMap
  try {
    map = new TraceMap(readFileSync(join(dir, 'assets', `${file}.map`), 'utf8'))
  } catch {
    continue // a chunk without a source map (workbox)
  }
  const bySource = new Map<string, number>()
  let previous: { line: number; column: number; source: string } | undefined
  eachMapping(map, (mapping) => {
    if (previous && previous.line === mapping.generatedLine) {
      bySource.set(previous.source, (bySource.get(previous.source) ?? 0) + mapping.generatedColumn - previous.column)
    }
    previous = { line: mapping.generatedLine, column: mapping.generatedColumn, source: shortName(mapping.source ?? '(generated)') }
  })
  console.log(`\n${file}: ${kB(code.byteLength)} kB raw, ${kB(gzipSync(code).byteLength)} kB gzip`)
  for (const [source, bytes] of [...bySource].sort((a, b) => b[1] - a[1]).slice(0, perChunk)) console.log(`  ${kB(bytes).padStart(6)} kB  ${source}`)
}
