/**
 * History search at scale: 1,000 sessions × 200 messages (200,000 entries)
 * in the segmented index History keeps (src/store/searchIndex.ts, one segment
 * per session), in Node. Times building it incrementally (one session at a
 * time, as entries arrive), storing and reloading it — the reload as the app
 * does it, in a worker (worker_threads here): the stored segments are cloned
 * into it, as an IndexedDB read does, and decoded there while this thread's
 * longest stall is measured — and queries: single words with and without
 * accents, prefixes, a typo and two-word queries. The same data in minisearch,
 * the engine History used before, is the side-by-side row.
 */
import MiniSearch from 'minisearch'
import { Worker } from 'node:worker_threads'
import { foldText } from '../src/doc/text'
import { addEntries, createTranscriptIndex, searchTranscripts, vocabularyOf, type IndexedEntry } from '../src/store/searchIndex'
import type { StoredSegment } from '../src/store/searchSegment'
import { envInt, stats } from './browser'
import type { BenchResult } from './benchResult'

const SESSIONS = envInt('SEARCH_SESSIONS', 1_000)
const MESSAGES = envInt('SEARCH_MESSAGES', 200)
const WORDS_PER_MESSAGE = 12
const QUERY_ROUNDS = 10 // each query below is timed this many times
const QUERIES = ['cancion', 'canción', 'IMPRESORA', 'contraseña', 'contrasena', 'router', 'impres', 'factura pendiente', 'xyzzy', 'impresorra']

/** A mixed Spanish / English support vocabulary, accents included. */
const VOCABULARY = (
  'hola buenos días necesito ayuda con la impresora no imprime el router se reinicia contraseña olvidada factura pendiente ' +
  'canción pantalla azul teléfono móvil conexión lenta correo electrónico cuenta bloqueada actualización instalación ' +
  'hello printer network password reset invoice screen laptop battery charger update install error message cannot login ' +
  'gracias por su paciencia un momento por favor reinicie el equipo compruebe el cable acceso remoto sesión técnico'
).split(' ')

/** Deterministic pseudo-random numbers (mulberry32), so every run indexes the same text. */
function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

const RARE_WORDS = 20_000 // a long tail of names, product codes and typos, Zipf-distributed
const SUPPORT_SHARE = 0.15 // share of words drawn from the support vocabulary above

/** One word: mostly the long tail (Zipf, s = 1), sometimes support vocabulary. */
function word(random: () => number): string {
  if (random() < SUPPORT_SHARE) return VOCABULARY[Math.floor(random() * VOCABULARY.length)] ?? ''
  const rank = Math.floor(Math.exp(random() * Math.log(RARE_WORDS))) // inverse CDF of a Zipf-like 1/rank law
  return `w${rank.toString(36)}`
}

function session(random: () => number, index: number): IndexedEntry[] {
  const sessionId = `s${index.toString(36).padStart(4, '0')}`
  return Array.from({ length: MESSAGES }, (_, message) => ({
    sessionId,
    entryId: `${message.toString(36).padStart(9, '0')}.0000.1`,
    at: 1_700_000_000_000 + index * 3_600_000 + message * 10_000,
    text: Array.from({ length: WORDS_PER_MESSAGE }, () => word(random)).join(' '),
  }))
}

/** Runs `work` while a zero-delay timer chain ticks; returns its result and the longest gap between ticks (a stall). */
async function withStallMeter<T>(work: () => Promise<T>): Promise<{ result: T; longestStallMs: number }> {
  let last = performance.now()
  let longest = 0
  let running = true
  const tick = (): void => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
    if (running) setTimeout(tick, 0)
  }
  setTimeout(tick, 0)
  const result = await work()
  running = false
  tick()
  return { result, longestStallMs: longest }
}

/** Chars of a stored segment: its strings as UTF-16 units, its byte arrays at one unit per two bytes (as the text is measured). */
function storedChars(segment: StoredSegment): number {
  return segment.strings.length + segment.terms.length + (segment.docs.byteLength + segment.postings.byteLength) / 2
}

/** A worker thread holding the stored segments; `reload()` has it clone and decode them, resolving with how many it read. */
async function reloadWorker(stored: StoredSegment[], vocabulary: string): Promise<{ reload: () => Promise<number>; stop: () => void }> {
  const worker = new Worker(new URL('./searchReload.worker.mjs', import.meta.url))
  const next = (): Promise<unknown> =>
    new Promise((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
    })
  const ready = next()
  worker.postMessage({ stored, vocabulary })
  await ready
  return {
    reload: async () => {
      const answer = next()
      worker.postMessage('reload')
      return Number(await answer)
    },
    stop: () => void worker.terminate(),
  }
}

/** The minisearch index History used before, over the same entries: build, serialize, reload (sliced), query. */
async function minisearchRow(sessions: IndexedEntry[][]): Promise<BenchResult> {
  const options = { idField: 'id', fields: ['text'], storeFields: ['text', 'at'], processTerm: (term: string) => foldText(term), searchOptions: { prefix: true, combineWith: 'AND' as const } }
  const index = new MiniSearch<IndexedEntry & { id: string }>(options)
  for (const list of sessions) index.addAll(list.map((entry) => ({ ...entry, id: `${entry.sessionId}/${entry.entryId}` })))
  const json = JSON.stringify(index)
  const loadStart = performance.now()
  const { result: reloaded, longestStallMs } = await withStallMeter(() => MiniSearch.loadJSONAsync<IndexedEntry & { id: string }>(json, options))
  const loadMs = performance.now() - loadStart
  const samples = QUERIES.map((query) => {
    const start = performance.now()
    reloaded.search(query).slice(0, 100)
    return performance.now() - start
  })
  return { name: 'search: minisearch side by side, reload serialized index', unit: 'ms', value: Math.round(loadMs), values: { longestStallMs: Math.round(longestStallMs), sizeMB: Math.round(json.length / 1e4) / 100, queryP50Ms: stats(samples).p50 } }
}

/** Runs the benchmark. */
export async function run(): Promise<BenchResult[]> {
  const random = seeded(42)
  const sessions = Array.from({ length: SESSIONS }, (_, i) => session(random, i))
  const textChars = sessions.reduce((sum, list) => sum + list.reduce((chars, entry) => chars + entry.text.length, 0), 0)
  const index = createTranscriptIndex()
  const started = performance.now()
  for (const list of sessions) addEntries(index, list)
  const buildMs = performance.now() - started

  const encodeStart = performance.now()
  const stored = [...index.segments.values()].map((segment) => segment.encode())
  const encodeMs = performance.now() - encodeStart
  const vocabulary = [...vocabularyOf(index)].join('\n')
  const indexChars = stored.reduce((sum, segment) => sum + storedChars(segment), vocabulary.length)
  const worker = await reloadWorker(stored, vocabulary)
  const loadStart = performance.now()
  const { result: reloadedCount, longestStallMs } = await withStallMeter(worker.reload)
  const loadMs = performance.now() - loadStart
  worker.stop()
  if (reloadedCount !== SESSIONS) throw new Error(`the worker reloaded ${reloadedCount} of ${SESSIONS} segments`)

  const samples: number[] = []
  const hits: Record<string, number> = {}
  for (let round = 0; round < QUERY_ROUNDS; round++) {
    for (const query of QUERIES) {
      const queryStart = performance.now()
      const found = searchTranscripts(index, query)
      samples.push(performance.now() - queryStart)
      hits[query] = found.length
    }
  }
  const query = stats(samples)
  const entries = SESSIONS * MESSAGES
  return [
    {
      name: `search: query over ${SESSIONS.toLocaleString('en-US')} sessions × ${MESSAGES} messages (p50)`,
      unit: 'ms',
      value: Math.round(query.p50 * 100) / 100,
      values: { p90: query.p90, p99: query.p99, max: query.max, meanHits: Object.values(hits).reduce((sum, count) => sum + count, 0) / QUERIES.length },
      note: `top 100 hits with highlight ranges; queries: ${QUERIES.join(', ')}`,
    },
    { name: `search: build index incrementally (${entries.toLocaleString('en-US')} entries)`, unit: 'ms', value: Math.round(buildMs), values: { perEntryUs: (buildMs * 1000) / entries } },
    {
      name: 'search: reload stored segments in a worker',
      unit: 'ms',
      value: Math.round(loadMs),
      values: { longestStallMs: Math.round(longestStallMs), encodeMs: Math.round(encodeMs), sizeMB: Math.round(indexChars / 1e4) / 100, textMB: Math.round(textChars / 1e4) / 100, sizeToText: Math.round((indexChars / textChars) * 100) / 100 },
      note: 'size in UTF-16 units (byte arrays count two bytes a unit), against the text it indexes',
    },
    await minisearchRow(sessions),
  ]
}
