/**
 * History search at scale: 1,000 sessions × 200 messages (200,000 entries)
 * in the minisearch index History keeps (src/store/searchIndex.ts), in Node.
 * Times building it incrementally (one session at a time, as entries arrive),
 * serializing and reloading it (what opening History does: in slices that yield
 * to the event loop, so the longest main-thread stall is reported too), and queries:
 * single words with and without accents, prefixes and two-word queries.
 */
import { addEntries, createTranscriptIndex, loadIndexAsync, searchTranscripts, serializeIndex, type IndexedEntry } from '../src/store/searchIndex'
import { envInt, stats } from './browser'
import type { BenchResult } from './benchResult'

const SESSIONS = envInt('SEARCH_SESSIONS', 1_000)
const MESSAGES = envInt('SEARCH_MESSAGES', 200)
const WORDS_PER_MESSAGE = 12
const QUERY_ROUNDS = 10 // each query below is timed this many times
const QUERIES = ['cancion', 'canción', 'IMPRESORA', 'contraseña', 'contrasena', 'router', 'impres', 'factura pendiente', 'xyzzy']

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

/** Runs the benchmark. */
export async function run(): Promise<BenchResult[]> {
  const random = seeded(42)
  const index = createTranscriptIndex()
  const started = performance.now()
  for (let i = 0; i < SESSIONS; i++) addEntries(index, session(random, i))
  const buildMs = performance.now() - started

  const serializeStart = performance.now()
  const json = serializeIndex(index)
  const serializeMs = performance.now() - serializeStart
  const loadStart = performance.now()
  const { result: reloaded, longestStallMs } = await withStallMeter(() => loadIndexAsync(json))
  const loadMs = performance.now() - loadStart
  if (!reloaded) throw new Error('the serialized index did not load')
  const loaded = reloaded

  const samples: number[] = []
  const hits: Record<string, number> = {}
  for (let round = 0; round < QUERY_ROUNDS; round++) {
    for (const query of QUERIES) {
      const queryStart = performance.now()
      const found = searchTranscripts(loaded, query)
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
    { name: 'search: reload serialized index', unit: 'ms', value: Math.round(loadMs), values: { longestStallMs: Math.round(longestStallMs), serializeMs: Math.round(serializeMs), sizeMB: Math.round(json.length / 1e4) / 100 } },
  ]
}
