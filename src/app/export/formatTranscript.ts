/**
 * Transcript exports as text (`chatlog.txt` style), a self-contained HTML page
 * and JSON. The formatters are pure: every word comes from `labels`, so both
 * languages are testable without a UI. Peer text is untrusted: the HTML
 * escapes every value and ships no script, the text format keeps each entry
 * on lines of its own so a message cannot forge another entry's line.
 */
import type { Entry } from '../../doc/entry'
import type { ExportData } from '../../doc/exportData'
import { dateOf, headerRows, type ExportLabels } from '../../i18n/detailLabels'
import { EXPORT_CSS } from './exportCss'

export { exportLabels, headerRows, type ExportLabels } from '../../i18n/detailLabels'

/** The export formats, in the order the dialog offers them. */
export const EXPORT_FORMATS = ['txt', 'html', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** MIME type of each format's file. */
export const EXPORT_MIME: Record<ExportFormat, string> = {
  txt: 'text/plain;charset=utf-8',
  html: 'text/html;charset=utf-8',
  json: 'application/json;charset=utf-8',
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** `yyyy-mm-dd` in local time. */
function localDay(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** `yyyy-mm-dd hh:mm:ss` in local time: sortable and the same in every language. */
export function timeStamp(ms: number): string {
  const date = dateOf(ms)
  if (!date) return '????-??-?? ??:??:??'
  return `${localDay(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
}

/** The download's file name: `asiste-<sessionId>-<yyyy-mm-dd>.<ext>` (session day, else today). */
export function exportFileName(data: ExportData, format: ExportFormat, now: number = Date.now()): string {
  const id = (data.details.sessionId ?? 'session').replace(/[^A-Za-z0-9_-]/g, '-')
  const day = localDay(dateOf(data.details.startedAt) ?? new Date(now))
  return `asiste-${id}-${day}.${format}`
}

/** What a line says for an entry: the status sentence, or the author and text. */
function lineOf(entry: Entry, labels: ExportLabels): { author: string | undefined; text: string } {
  if (entry.kind === 'status') return { author: undefined, text: labels.status(entry.event ?? 'joined', entry.text, entry.authorName) }
  return { author: entry.authorName, text: entry.text }
}

/** Control characters other than tab and newline become spaces (no terminal escapes in a log). */
function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\p{Cc}/gu, (c) => (c === '\n' || c === '\t' ? c : ' '))
}

const oneLine = (text: string): string => clean(text).replace(/\n/g, ' ')
const INDENT = '    ' // continuation lines of a value: never mistaken for a new `[time]` line
const indented = (text: string): string => clean(text).replace(/\n/g, `\n${INDENT}`)

/** The export as plain text. */
export function formatTxt(data: ExportData, labels: ExportLabels): string {
  const lines = headerRows(data.details, labels).map(([label, value]) => `${oneLine(label)}: ${indented(value)}`)
  lines.push('')
  for (const entry of data.entries) {
    const { author, text } = lineOf(entry, labels)
    const mark = entry.audience === 'reps' ? ` (${labels.repOnly})` : ''
    const body = author === undefined ? `*** ${oneLine(text)}${mark}` : `${oneLine(author)}${mark}: ${indented(text)}`
    lines.push(`[${timeStamp(entry.at)}] ${body}`)
  }
  if (data.outcome) {
    lines.push('')
    if (data.outcome.result) lines.push(`${labels.outcome}: ${labels.outcomes[data.outcome.result]}`)
    if (data.outcome.closingNote) lines.push(`${labels.closingNote}: ${indented(data.outcome.closingNote)}`)
  }
  if (data.notes !== undefined) lines.push('', `${labels.notes}:`, INDENT + indented(data.notes))
  return `${lines.join('\n')}\n`
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** The export as one self-contained, printable HTML page: inline CSS, no script (its CSP forbids any). */
export function formatHtml(data: ExportData, labels: ExportLabels): string {
  const e = (text: string): string => escapeHtml(clean(text))
  const title = labels.title(data.details.customerName)
  const rows = headerRows(data.details, labels).map(([label, value]) => `<dt>${e(label)}</dt><dd>${e(value)}</dd>`)
  const entries = data.entries.map((entry) => {
    const { author, text } = lineOf(entry, labels)
    const date = dateOf(entry.at)
    const time = `<time${date ? ` datetime="${date.toISOString()}"` : ''}>${e(timeStamp(entry.at))}</time>`
    const mark = entry.audience === 'reps' ? ` <span class="badge">${e(labels.repOnly)}</span>` : ''
    const body = author === undefined ? `<p class="status">${e(text)}${mark}</p>` : `<p class="meta"><strong>${e(author)}</strong>${mark}</p><p class="text">${e(text)}</p>`
    return `<li class="entry" data-kind="${e(entry.kind)}" data-audience="${e(entry.audience)}">${time}${body}</li>`
  })
  const outcome = data.outcome
    ? `<section><h2>${e(labels.outcome)}</h2><dl>${data.outcome.result ? `<dt>${e(labels.outcome)}</dt><dd>${e(labels.outcomes[data.outcome.result])}</dd>` : ''}${
        data.outcome.closingNote ? `<dt>${e(labels.closingNote)}</dt><dd>${e(data.outcome.closingNote)}</dd>` : ''
      }</dl></section>`
    : ''
  const notes = data.notes !== undefined ? `<section><h2>${e(labels.notes)}</h2><p class="text">${e(data.notes)}</p></section>` : ''
  return [
    '<!doctype html>',
    `<html lang="${e(labels.lang)}">`,
    '<head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title><style>${EXPORT_CSS}</style></head>`,
    `<body><main><h1>${e(title)}</h1>`,
    `<section><h2>${e(labels.details.title)}</h2><dl>${rows.join('')}</dl></section>`,
    `<section><h2>${e(labels.transcript)}</h2>${entries.length > 0 ? `<ol class="entries">${entries.join('')}</ol>` : `<p>${e(labels.noEntries)}</p>`}</section>`,
    `${outcome}${notes}</main></body></html>`,
    '',
  ].join('\n')
}

/** The export as JSON (`format: 'asiste-transcript'`, `version: 1`), times as ISO 8601. */
export function formatJson(data: ExportData): string {
  const iso = (ms: number | undefined): string | undefined => dateOf(ms)?.toISOString()
  const { details } = data
  const json = {
    format: 'asiste-transcript',
    version: 1,
    details: {
      sessionId: details.sessionId,
      portal: details.portal,
      startedAt: iso(details.startedAt),
      state: details.state,
      customerId: details.customerId,
      customerName: details.customerName,
      request: details.request,
      system: Object.fromEntries(details.system.map(({ key, value }) => [key, value])),
    },
    entries: data.entries.map((entry) => ({
      id: entry.id,
      at: iso(entry.at),
      author: entry.authorName,
      role: entry.authorRole,
      kind: entry.kind,
      audience: entry.audience,
      event: entry.event,
      text: entry.text,
    })),
    notes: data.notes,
    outcome: data.outcome,
  }
  return `${JSON.stringify(json, null, 2)}\n`
}

/** The export of `data` in `format`. */
export function formatExport(format: ExportFormat, data: ExportData, labels: ExportLabels): string {
  return format === 'txt' ? formatTxt(data, labels) : format === 'html' ? formatHtml(data, labels) : formatJson(data)
}
