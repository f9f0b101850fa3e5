/**
 * The team's script library: canned messages and URLs in the team doc's
 * `scripts` map (`Y.Map<scriptId, { kind, title, text, category, order }>`),
 * so it syncs to the rep's devices and team mates and works offline.
 *
 * Order: readers sort by category, then `order` (a float), then id. Moving a
 * script writes one new `order` between its new neighbours, so concurrent moves
 * of different scripts both survive; concurrent writes to one script are last
 * writer wins (Yjs map semantics). Equal orders (two peers moved to the same
 * gap) are broken by id, so every peer shows the same list.
 */
import * as Y from 'yjs'
import { boundedString, idString, isRecord, oneOf } from './guards'
import { LOCAL, MAX_ID_CHARS } from './schema'

/** Name of the team doc's shared map holding the library. */
export const SCRIPTS_ROOT = 'scripts'

/** Longest script title: a short label in a list, not a paragraph. */
export const MAX_SCRIPT_TITLE_CHARS = 120
/** Longest script text: a few paragraphs of canned help, well under a chat message's limit. */
export const MAX_SCRIPT_TEXT_CHARS = 4_000
/** Longest category name: a heading in the picker. */
export const MAX_SCRIPT_CATEGORY_CHARS = 60

/** What a script inserts: a text message or a URL. */
export const SCRIPT_KINDS = ['message', 'url'] as const
export type ScriptKind = (typeof SCRIPT_KINDS)[number]

/** The editable fields of a script. An empty category is the default group. */
export interface ScriptFields {
  kind: ScriptKind
  title: string
  text: string
  category: string
}

/** A validated script with its id and position. */
export interface Script extends ScriptFields {
  id: string
  order: number
}

/** Why a write was refused (views map each reason to a message). */
export type ScriptRejectReason = 'titleEmpty' | 'titleTooLong' | 'textEmpty' | 'textTooLong' | 'categoryTooLong' | 'notHttpUrl' | 'unknownScript'

/** Thrown by the write functions when a script would break the schema. */
export class ScriptRejected extends Error {
  constructor(readonly reason: ScriptRejectReason) {
    super(`Script rejected: ${reason}`)
    this.name = 'ScriptRejected'
  }
}

/** The library map of a team doc. */
export function scriptsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(SCRIPTS_ROOT)
}

/** Whether `text` is an absolute http: or https: URL (anything else, e.g. `javascript:`, is refused). */
export function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}

/** The reason `fields` cannot be stored, or undefined when they fit. */
export function scriptProblem(fields: ScriptFields): ScriptRejectReason | undefined {
  if (fields.title.trim() === '') return 'titleEmpty'
  if (fields.title.length > MAX_SCRIPT_TITLE_CHARS) return 'titleTooLong'
  if (fields.text.trim() === '') return 'textEmpty'
  if (fields.text.length > MAX_SCRIPT_TEXT_CHARS) return 'textTooLong'
  if (fields.category.length > MAX_SCRIPT_CATEGORY_CHARS) return 'categoryTooLong'
  if (fields.kind === 'url' && !isHttpUrl(fields.text)) return 'notHttpUrl'
  return undefined
}

/** Validates one stored script; undefined when it does not fit (peers are untrusted). */
export function parseScript(id: unknown, raw: unknown): Script | undefined {
  const validId = idString(id, MAX_ID_CHARS)
  if (!validId || !isRecord(raw)) return undefined
  const kind = oneOf(raw.kind, SCRIPT_KINDS)
  const title = boundedString(raw.title, MAX_SCRIPT_TITLE_CHARS)
  const text = boundedString(raw.text, MAX_SCRIPT_TEXT_CHARS)
  const category = boundedString(raw.category, MAX_SCRIPT_CATEGORY_CHARS)
  const order = raw.order
  if (!kind || title === undefined || text === undefined || category === undefined) return undefined
  if (typeof order !== 'number' || !Number.isFinite(order)) return undefined
  const script: Script = { id: validId, kind, title, text, category, order }
  return scriptProblem(script) === undefined ? script : undefined
}

/** Library order: category, then order, then id (plain code-unit comparison, the same on every peer). */
export function compareScripts(a: Script, b: Script): number {
  if (a.category !== b.category) return a.category < b.category ? -1 : 1
  if (a.order !== b.order) return a.order - b.order
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Every valid script (of one kind, if given), in library order. */
export function readScripts(doc: Y.Doc, kind?: ScriptKind): Script[] {
  const out: Script[] = []
  scriptsMap(doc).forEach((raw, id) => {
    const script = parseScript(id, raw)
    if (script && (kind === undefined || script.kind === kind)) out.push(script)
  })
  return out.sort(compareScripts)
}

/** One script by id, validated. */
export function readScript(doc: Y.Doc, id: string): Script | undefined {
  return parseScript(id, scriptsMap(doc).get(id))
}

let idCounter = 0

/** A fresh script id: time, a per-page counter and the writer's client id keep ids of different writers apart. */
function newScriptId(doc: Y.Doc): string {
  idCounter = (idCounter + 1) % 36 ** 4
  return `s${Date.now().toString(36)}.${idCounter.toString(36)}.${doc.clientID.toString(36)}`
}

/** Trims what a rep typed around the title, category and URL (a message keeps its spacing). */
function normalize(fields: ScriptFields): ScriptFields {
  const text = fields.kind === 'url' ? fields.text.trim() : fields.text
  return { kind: fields.kind, title: fields.title.trim(), text, category: fields.category.trim() }
}

/** The order after the last script of `category` (0 for an empty category). */
function endOrder(doc: Y.Doc, category: string, exceptId?: string): number {
  const orders = readScripts(doc)
    .filter((script) => script.category === category && script.id !== exceptId)
    .map((script) => script.order)
  return orders.length === 0 ? 0 : Math.floor(Math.max(...orders)) + 1
}

function store(doc: Y.Doc, script: Script): void {
  const { id, ...value } = script
  scriptsMap(doc).set(id, value)
}

/** Adds a script at the end of its category; returns its id. Throws `ScriptRejected`. */
export function addScript(doc: Y.Doc, fields: ScriptFields): string {
  const clean = normalize(fields)
  const problem = scriptProblem(clean)
  if (problem) throw new ScriptRejected(problem)
  const id = newScriptId(doc)
  doc.transact(() => store(doc, { id, ...clean, order: endOrder(doc, clean.category) }), LOCAL)
  return id
}

/** Changes some fields of a script; a new category puts it at that category's end. Throws `ScriptRejected`. */
export function updateScript(doc: Y.Doc, id: string, change: Partial<ScriptFields>): void {
  const current = readScript(doc, id)
  if (!current) throw new ScriptRejected('unknownScript')
  const clean = normalize({ ...current, ...change })
  const problem = scriptProblem(clean)
  if (problem) throw new ScriptRejected(problem)
  doc.transact(() => {
    const order = clean.category === current.category ? current.order : endOrder(doc, clean.category, id)
    store(doc, { id, ...clean, order })
  }, LOCAL)
}

/** Deletes a script; returns whether it existed. */
export function deleteScript(doc: Y.Doc, id: string): boolean {
  const map = scriptsMap(doc)
  if (!map.has(id)) return false
  doc.transact(() => map.delete(id), LOCAL)
  return true
}

/** An order between two neighbours' orders (either may be missing: the start or the end of the list). */
function midpoint(before: number | undefined, after: number | undefined): number {
  if (before === undefined) return after === undefined ? 0 : after - 1
  return after === undefined ? before + 1 : (before + after) / 2
}

/**
 * Moves a script to position `toIndex` within its category (both kinds count,
 * as in `readScripts(doc)`); the index is clamped. Writes the midpoint of the
 * new neighbours' orders; when there is no room left between them (equal
 * orders, or floats exhausted), renumbers the category 0, 1, 2, … instead.
 */
export function moveScript(doc: Y.Doc, id: string, toIndex: number): void {
  const script = readScript(doc, id)
  if (!script) throw new ScriptRejected('unknownScript')
  const group = readScripts(doc).filter((item) => item.category === script.category)
  const others = group.filter((item) => item.id !== id)
  const index = Math.min(Math.max(Math.trunc(Number.isFinite(toIndex) ? toIndex : 0), 0), others.length)
  if (group[index]?.id === id) return
  const before = others[index - 1]?.order
  const after = others[index]?.order
  const order = midpoint(before, after)
  const fits = (before === undefined || order > before) && (after === undefined || order < after)
  doc.transact(() => {
    if (fits) return store(doc, { ...script, order })
    others.splice(index, 0, script)
    others.forEach((item, position) => store(doc, { ...item, order: position }))
  }, LOCAL)
}
