/**
 * The words of the session details block and of transcript exports, already
 * translated: shared by the Details panel, History and the export formatters.
 */
import type { ExportDetails, Outcome, SystemFactKey } from '../doc/exportData'
import { en } from './en'
import { formatDateTime, lang, t, type MessageKey } from './i18n'

/** Catalog keys of the header rows' labels: the fixed rows, then every SYSTEM_FACTS key. */
export const DETAIL_LABEL_KEYS = {
  sessionId: 'details.sessionId',
  portal: 'details.portal',
  started: 'details.started',
  customer: 'details.customer',
  request: 'details.request',
  os: 'details.os',
  browser: 'details.browser',
  language: 'details.language',
  timeZone: 'details.timeZone',
  screen: 'details.screen',
  memory: 'details.memory',
  cores: 'details.cores',
  connection: 'details.connection',
  online: 'details.online',
} as const satisfies Record<string, MessageKey> & Record<SystemFactKey, MessageKey>
export type DetailLabel = keyof typeof DETAIL_LABEL_KEYS

/** Every word an export uses, already translated, and how to show a date. */
export interface ExportLabels {
  /** BCP 47 tag of the export language (the HTML `lang`). */
  lang: string
  title: (customerName: string | undefined) => string
  details: Record<DetailLabel, string> & { title: string }
  /** Translations of known values (`portal: link`, `online: offline`, …); others are shown as stored. */
  values: Record<string, Record<string, string>>
  transcript: string
  noEntries: string
  repOnly: string
  notes: string
  outcome: string
  closingNote: string
  outcomes: Record<Outcome, string>
  /** The sentence of a status note ("Carla joined the session"); `author` is who wrote it (file notes name their sender). */
  status: (event: string, name: string, author?: string) => string
  formatDateTime: (ms: number) => string
}

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key)
}

/** The labels of the current UI language. */
export function exportLabels(): ExportLabels {
  // Built from DETAIL_LABEL_KEYS, so every DetailLabel is present.
  const details = Object.fromEntries(Object.entries(DETAIL_LABEL_KEYS).map(([name, key]) => [name, t(key)])) as Record<DetailLabel, string>
  return {
    lang: lang(),
    title: (customer) => (customer ? t('export.documentTitle', { customer }) : t('export.untitled')),
    details: { ...details, title: t('details.title') },
    values: {
      portal: { link: t('details.portal.link'), portal: t('details.portal.portal') },
      online: { online: t('details.online.online'), offline: t('details.online.offline') },
    },
    transcript: t('export.transcript'),
    noEntries: t('export.noEntries'),
    repOnly: t('export.repOnly'),
    notes: t('export.notes'),
    outcome: t('export.outcome'),
    closingNote: t('export.closingNote'),
    outcomes: { resolved: t('export.outcome.resolved'), unresolved: t('export.outcome.unresolved'), unknown: t('export.outcome.unknown') },
    status: (event, name, author = '') => {
      const key = `status.${event}`
      return isMessageKey(key) ? t(key, { name, author }) : `${event}: ${name}`
    },
    formatDateTime,
  }
}

/** A Date for `ms`, or undefined past what Date can hold (a hostile peer may send 1e20). */
export function dateOf(ms: number | undefined): Date | undefined {
  if (ms === undefined) return undefined
  const date = new Date(ms)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** Header rows (label, value) in display order, for the values the doc has. */
export function headerRows(details: ExportDetails, labels: ExportLabels): [string, string][] {
  const started = dateOf(details.startedAt)
  const rows: [string, string | undefined][] = [
    [labels.details.sessionId, details.sessionId],
    [labels.details.portal, details.portal === undefined ? undefined : (labels.values.portal?.[details.portal] ?? details.portal)],
    [labels.details.started, started === undefined ? undefined : labels.formatDateTime(started.getTime())],
    [labels.details.customer, details.customerName],
    [labels.details.request, details.request],
    ...details.system.map(({ key, value }): [string, string] => [labels.details[key], labels.values[key]?.[value] ?? value]),
  ]
  return rows.filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '')
}

