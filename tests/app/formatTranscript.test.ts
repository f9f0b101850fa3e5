import { afterEach, describe, expect, test } from 'vitest'
import { Window } from 'happy-dom'
import { readExportData, type ExportData } from '../../src/doc/exportData'
import { escapeHtml, exportFileName, exportLabels, formatExport, formatHtml, formatJson, formatTxt, timeStamp } from '../../src/app/export/formatTranscript'
import { setLang } from '../../src/i18n/i18n'
import { EntryRejected, appendEntry, entriesMap } from '../../src/doc/transcript'
import { T0, chat, repChat } from '../doc/fixtures'
import { CUSTOMER_MESSAGE, NOTES, REP_MESSAGE, REP_ONLY_MESSAGE, SESSION_ID, endSession, exportSession } from '../doc/exportFixtures'

afterEach(() => setLang('en'))

/** Parses an exported page the way a browser would. */
function parseHtml(html: string): Document {
  const window = new Window()
  window.document.write(html)
  return window.document as unknown as Document
}

const HOSTILE_TEXT = `<script>alert("x")</script> & "quoted" 'single' </p><img src=x onerror=alert(1)>`
const HOSTILE_NAME = `Carla "O'Hara" <b>&amp;`

describe('text export', () => {
  test('starts with the details header, then a blank line, then one line per entry in order', () => {
    const data = readExportData(exportSession().doc)
    const lines = formatTxt(data, exportLabels()).split('\n')
    expect(lines.slice(0, 15)).toEqual([
      `Session ID: ${SESSION_ID}`,
      'Portal: Support link',
      `Started: ${exportLabels().formatDateTime(T0)}`,
      'Customer: Carla',
      'Request: Printer',
      '    stopped',
      'Operating system: Windows NT 10.0',
      'Browser: Chrome 120',
      'Language: es-ES',
      'Time zone: Europe/Madrid',
      'Screen: 1920×1080 @1x',
      'Memory: 8 GB',
      'CPU cores: 8',
      'Network: Online',
      '',
    ])
    expect(lines.slice(15)).toEqual([
      `[${timeStamp(T0 + 1_000)}] *** Carla joined the session`,
      `[${timeStamp(T0 + 2_000)}] Carla: ${CUSTOMER_MESSAGE}`,
      `[${timeStamp(T0 + 3_000)}] Rafa: Let us check the driver.`,
      '    Open Settings > Printers.',
      '',
    ])
  })

  test('time stamps are yyyy-mm-dd hh:mm:ss in local time', () => {
    const at = new Date(2026, 10, 25, 12, 40, 3).getTime()
    expect(timeStamp(at)).toBe('2026-11-25 12:40:03')
  })

  test('rep-only messages are left out by default and marked when included', () => {
    const { doc } = exportSession()
    expect(formatTxt(readExportData(doc), exportLabels())).not.toContain(REP_ONLY_MESSAGE)
    const text = formatTxt(readExportData(doc, { includeRepOnly: true }), exportLabels())
    expect(text).toContain(`[${timeStamp(T0 + 4_000)}] Rafa (reps only): ${REP_ONLY_MESSAGE}\n`)
  })

  test('session notes appear only when chosen, after the entries; the outcome follows the entries', () => {
    const { doc } = exportSession()
    endSession(doc, 'resolved', 'Driver reinstalled')
    expect(formatTxt(readExportData(doc), exportLabels())).not.toContain('Session notes')
    const text = formatTxt(readExportData(doc, { includeNotes: true }), exportLabels())
    expect(text.endsWith('\n\nOutcome: Resolved\nClosing note: Driver reinstalled\n\nSession notes:\n    Driver 5.1 fixes it.\n    Follow up Monday.\n')).toBe(true)
  })

  test('a message or a name cannot forge another entry line or smuggle control characters', () => {
    const { doc } = exportSession()
    appendEntry(doc, chat({ authorName: 'Eve\n[2030-01-01 00:00:00] Rafa', text: 'hi\r\n[2030-01-01 00:00:00] Rafa: send me your password\u001b[2J', at: T0 + 5_000 }))
    const lines = formatTxt(readExportData(doc), exportLabels()).split('\n')
    const entryLines = lines.filter((line) => line.startsWith('['))
    expect(entryLines).toHaveLength(4)
    expect(entryLines[3]).toBe(`[${timeStamp(T0 + 5_000)}] Eve [2030-01-01 00:00:00] Rafa: hi`)
    expect(lines).toContain('    [2030-01-01 00:00:00] Rafa: send me your password [2J')
    expect(lines.join('\n')).not.toContain('\r')
    expect(lines.join('\n')).not.toContain('\u001b')
  })

  test('Spanish labels and status sentences when the UI is in Spanish', () => {
    setLang('es')
    const text = formatTxt(readExportData(exportSession().doc, { includeRepOnly: true, includeNotes: true }), exportLabels())
    for (const label of ['ID de sesión: ', 'Portal: Enlace de asistencia', 'Inicio: ', 'Cliente: Carla', 'Solicitud: ', 'Sistema operativo: ', 'Navegador: ', 'Idioma: ', 'Zona horaria: ', 'Pantalla: ', 'Memoria: ', 'Núcleos de CPU: ', 'Red: En línea']) {
      expect(text).toContain(label)
    }
    expect(text).toContain('*** Carla se unió a la sesión')
    expect(text).toContain('Rafa (solo representantes): ')
    expect(text).toContain('Notas de la sesión:')
    expect(text).not.toContain('Session ID')
  })
})

describe('HTML export', () => {
  test('is a self-contained page: details before the transcript, no script, a CSP forbidding any', () => {
    const html = formatHtml(readExportData(exportSession().doc), exportLabels())
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).not.toMatch(/<script|<link|src=|href=/i)
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`)
    expect(html.indexOf('Session ID')).toBeGreaterThan(-1)
    expect(html.indexOf('Network')).toBeLessThan(html.indexOf(CUSTOMER_MESSAGE))
    const page = parseHtml(html)
    expect(page.documentElement.lang).toBe('en')
    expect([...page.querySelectorAll('dt')].map((dt) => dt.textContent)).toEqual([
      'Session ID', 'Portal', 'Started', 'Customer', 'Request', 'Operating system', 'Browser', 'Language', 'Time zone', 'Screen', 'Memory', 'CPU cores', 'Network',
    ])
    const entries = [...page.querySelectorAll('li.entry')]
    expect(entries.map((li) => li.getAttribute('data-kind'))).toEqual(['status', 'chat', 'chat'])
    expect(entries[0]?.textContent).toContain('Carla joined the session')
    expect(entries[2]?.querySelector('.text')?.textContent).toBe(REP_MESSAGE)
    expect(entries[2]?.querySelector('time')?.getAttribute('datetime')).toBe(new Date(T0 + 3_000).toISOString())
  })

  test('escapes hostile text and names: the page shows them exactly, as text', () => {
    const { doc } = exportSession()
    appendEntry(doc, chat({ authorName: HOSTILE_NAME, text: HOSTILE_TEXT, at: T0 + 5_000 }))
    const html = formatHtml(readExportData(doc), exportLabels())
    expect(html).not.toMatch(/<script|<img|<b>/i)
    const page = parseHtml(html)
    const last = [...page.querySelectorAll('li.entry')].at(-1)
    expect(last?.querySelector('strong')?.textContent).toBe(HOSTILE_NAME)
    expect(last?.querySelector('.text')?.textContent).toBe(HOSTILE_TEXT)
    expect(page.querySelectorAll('script, img, b')).toHaveLength(0)
  })

  test('escapeHtml escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;')
  })

  test('rep-only messages are marked, notes and outcome shown only when present', () => {
    const { doc } = exportSession()
    expect(formatHtml(readExportData(doc), exportLabels())).not.toContain(REP_ONLY_MESSAGE)
    endSession(doc, 'unresolved', 'Needs <a> technician')
    const page = parseHtml(formatHtml(readExportData(doc, { includeRepOnly: true, includeNotes: true }), exportLabels()))
    const repOnly = page.querySelector('li[data-audience="reps"]')
    expect(repOnly?.querySelector('.badge')?.textContent).toBe('reps only')
    expect(repOnly?.querySelector('.text')?.textContent).toBe(REP_ONLY_MESSAGE)
    const headings = [...page.querySelectorAll('h2')].map((h2) => h2.textContent)
    expect(headings).toEqual(['Details', 'Transcript', 'Outcome', 'Session notes'])
    expect(page.body.textContent).toContain('Needs <a> technician')
    expect(page.body.textContent).toContain(NOTES)
  })

  test('Spanish labels when the UI is in Spanish', () => {
    setLang('es')
    const page = parseHtml(formatHtml(readExportData(exportSession().doc), exportLabels()))
    expect(page.documentElement.lang).toBe('es')
    expect(page.querySelector('h1')?.textContent).toBe('Conversación con Carla')
    expect(page.querySelector('dt')?.textContent).toBe('ID de sesión')
    expect(page.body.textContent).toContain('Carla se unió a la sesión')
  })
})

describe('JSON export', () => {
  test('parses, names its format and round-trips entry ids and texts', () => {
    const { doc, ids, repOnlyId } = exportSession()
    const json = JSON.parse(formatJson(readExportData(doc))) as Record<string, unknown>
    expect(json.format).toBe('asiste-transcript')
    expect(json.version).toBe(1)
    expect(json.details).toEqual({
      sessionId: SESSION_ID,
      portal: 'link',
      startedAt: new Date(T0).toISOString(),
      state: 'open',
      customerId: 'cust-1',
      customerName: 'Carla',
      request: 'Printer\nstopped',
      system: { os: 'Windows NT 10.0', browser: 'Chrome 120', language: 'es-ES', timeZone: 'Europe/Madrid', screen: '1920×1080 @1x', memory: '8 GB', cores: '8', online: 'online' },
    })
    const entries = json.entries as Array<Record<string, unknown>>
    expect(entries.map((entry) => entry.id)).toEqual(ids.filter((id) => id !== repOnlyId))
    expect(entries[0]).toEqual({ id: ids[0], at: new Date(T0 + 1_000).toISOString(), author: 'Rafa', role: 'system', kind: 'status', audience: 'all', event: 'joined', text: 'Carla' })
    expect(entries[2]).toEqual({ id: ids[2], at: new Date(T0 + 3_000).toISOString(), author: 'Rafa', role: 'rep', kind: 'chat', audience: 'all', text: REP_MESSAGE })
    expect(json).not.toHaveProperty('notes')
    expect(json).not.toHaveProperty('outcome')
  })

  test('includes rep-only entries, notes and the outcome when chosen and present', () => {
    const { doc, ids } = exportSession()
    endSession(doc, 'resolved', 'Done')
    const json = JSON.parse(formatJson(readExportData(doc, { includeRepOnly: true, includeNotes: true }))) as Record<string, unknown>
    expect((json.entries as Array<{ id: string }>).map((entry) => entry.id)).toEqual(ids)
    expect(json.notes).toBe(NOTES)
    expect(json.outcome).toEqual({ result: 'resolved', closingNote: 'Done' })
  })
})

describe('every format', () => {
  test('an entry with a time stamp out of Date range (a hostile peer) is dropped and does not break the export', () => {
    const { doc } = exportSession()
    expect(() => appendEntry(doc, repChat({ text: 'from the far future', at: 1e20 }))).toThrow(EntryRejected)
    entriesMap(doc).set('000000001.0000.zz', { ...repChat({ text: 'from the far future' }), at: 1e20 })
    const data: ExportData = readExportData(doc)
    for (const format of ['txt', 'html', 'json'] as const) {
      const text = formatExport(format, data, exportLabels())
      expect(text).not.toContain('from the far future')
      expect(text).toContain(SESSION_ID)
    }
  })

  test('file names are asiste-<session id>-<session day>.<ext>, safe for any file system', () => {
    const data = readExportData(exportSession().doc)
    const day = timeStamp(T0).slice(0, 10)
    expect(exportFileName(data, 'txt')).toBe(`asiste-${SESSION_ID}-${day}.txt`)
    expect(exportFileName(data, 'html')).toBe(`asiste-${SESSION_ID}-${day}.html`)
    const odd = { ...data, details: { ...data.details, sessionId: 'a:b.c', startedAt: undefined } }
    expect(exportFileName(odd, 'json', new Date(2026, 0, 2).getTime())).toBe('asiste-a-b-c-2026-01-02.json')
  })
})
