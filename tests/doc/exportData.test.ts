import { describe, expect, test } from 'vitest'
import { readExportData, readOutcome } from '../../src/doc/exportData'
import { T0, makeDoc } from './fixtures'
import { CUSTOMER_MESSAGE, NOTES, REP_MESSAGE, REP_ONLY_MESSAGE, SESSION_ID, endSession, exportSession } from './exportFixtures'
import { notesText } from '../../src/doc/notes'

describe('export data', () => {
  test('the details come from the session meta and the consented intake, system facts in display order', () => {
    const { doc } = exportSession()
    const { details } = readExportData(doc)
    expect(details).toEqual({
      sessionId: SESSION_ID,
      portal: 'link',
      startedAt: T0,
      state: 'open',
      customerId: 'cust-1',
      customerName: 'Carla',
      request: 'Printer\nstopped',
      system: [
        { key: 'os', value: 'Windows NT 10.0' },
        { key: 'browser', value: 'Chrome 120' },
        { key: 'language', value: 'es-ES' },
        { key: 'timeZone', value: 'Europe/Madrid' },
        { key: 'screen', value: '1920×1080 @1x' },
        { key: 'memory', value: '8 GB' },
        { key: 'cores', value: '8' },
        { key: 'online', value: 'online' },
      ],
    })
  })

  test('a system key the export does not know (here one posing as the session id) is left out', () => {
    const { doc } = exportSession()
    expect(readExportData(doc).details.system.map((fact) => fact.key)).not.toContain('sessionId')
  })

  test('without consent there are no system facts', () => {
    const { doc } = exportSession({ system: {} })
    expect(readExportData(doc).details.system).toEqual([])
  })

  test('entries come in transcript order and rep-only ones are left out by default', () => {
    const { doc, ids, repOnlyId } = exportSession()
    const { entries } = readExportData(doc)
    expect(entries.map((entry) => entry.id)).toEqual(ids.filter((id) => id !== repOnlyId))
    expect(entries.map((entry) => entry.text)).toEqual(['Carla', CUSTOMER_MESSAGE, REP_MESSAGE])
    expect(entries.some((entry) => entry.audience === 'reps')).toBe(false)
  })

  test('rep-only entries are included, in place, when the rep chooses', () => {
    const { doc, ids } = exportSession()
    const { entries } = readExportData(doc, { includeRepOnly: true })
    expect(entries.map((entry) => entry.id)).toEqual(ids)
    expect(entries.at(-1)?.text).toBe(REP_ONLY_MESSAGE)
  })

  test('session notes are included only when chosen, and never when blank', () => {
    const { doc } = exportSession()
    expect(readExportData(doc).notes).toBeUndefined()
    expect(readExportData(doc, { includeNotes: true }).notes).toBe(NOTES)
    notesText(doc).delete(0, NOTES.length)
    notesText(doc).insert(0, '  \n ')
    expect(readExportData(doc, { includeNotes: true }).notes).toBeUndefined()
  })

  test('the outcome is undefined until recorded, then read with its closing note', () => {
    const { doc } = exportSession()
    expect(readExportData(doc).outcome).toBeUndefined()
    endSession(doc, 'resolved', 'Driver reinstalled')
    expect(readExportData(doc).outcome).toEqual({ result: 'resolved', closingNote: 'Driver reinstalled' })
  })

  test('a malformed outcome or closing note is ignored, not trusted', () => {
    const doc = makeDoc(1)
    endSession(doc, 'fixed-by-magic', 42)
    expect(readOutcome(doc)).toBeUndefined()
    endSession(doc, { resolved: true }, 'Called back later')
    expect(readOutcome(doc)).toEqual({ result: undefined, closingNote: 'Called back later' })
    endSession(doc, 'unknown', '   ')
    expect(readOutcome(doc)).toEqual({ result: 'unknown', closingNote: undefined })
  })

  test('an empty doc (meta and intake not synced yet) still exports, with undefined details', () => {
    const data = readExportData(makeDoc(1), { includeNotes: true, includeRepOnly: true })
    expect(data).toEqual({
      details: {
        sessionId: undefined,
        portal: undefined,
        startedAt: undefined,
        state: undefined,
        customerId: undefined,
        customerName: undefined,
        request: undefined,
        system: [],
      },
      entries: [],
      notes: undefined,
      outcome: undefined,
    })
  })

  test('reading an export never writes to the document', () => {
    const { doc } = exportSession()
    let updates = 0
    doc.on('update', () => updates++)
    readExportData(doc, { includeNotes: true, includeRepOnly: true })
    expect(updates).toBe(0)
  })
})
