/**
 * Strings of the transcript export and of the session details (whose labels
 * the Details panel shares), English: a part of its own (`loadStrings('export')`, issue 20), fetched by the rep
 * console before it renders and by the customer page with its Save chat log; the Spanish is in exportStrings.es.ts.
 */

/** English export and details strings. */
export const exportEn = {
  'export.title': 'Export transcript',
  'export.format': 'Format',
  'export.formatTxt': 'Text (.txt)',
  'export.formatHtml': 'Web page (.html)',
  'export.formatJson': 'Data (.json)',
  'export.includeRepOnly': 'Include rep-only messages',
  'export.includeNotes': 'Include session notes',
  'export.help': 'The file is made on this device; nothing is uploaded.',
  'export.download': 'Download',
  'export.close': 'Close',
  'export.failed': 'The transcript could not be exported: {{message}}',
  'export.documentTitle': 'Transcript of {{customer}}',
  'export.untitled': 'Support session transcript',
  'export.transcript': 'Transcript',
  'export.noEntries': 'No messages.',
  'export.repOnly': 'reps only',
  'export.notes': 'Session notes',
  'export.outcome': 'Outcome',
  'export.closingNote': 'Closing note',
  'export.outcome.resolved': 'Resolved',
  'export.outcome.unresolved': 'Unresolved',
  'export.outcome.unknown': 'Unknown',
  'details.title': 'Details',
  'details.sessionId': 'Session ID',
  'details.portal': 'Portal',
  'details.portal.link': 'Support link',
  'details.portal.portal': 'Portal (session code)',
  'details.started': 'Started',
  'details.request': 'Request',
  'details.customer': 'Customer',
  'details.os': 'Operating system',
  'details.browser': 'Browser',
  'details.language': 'Language',
  'details.timeZone': 'Time zone',
  'details.screen': 'Screen',
  'details.memory': 'Memory',
  'details.cores': 'CPU cores',
  'details.online': 'Network',
  'details.online.online': 'Online',
  'details.online.offline': 'Offline',
} as const

/** A key of the export's strings. */
export type ExportKey = keyof typeof exportEn
