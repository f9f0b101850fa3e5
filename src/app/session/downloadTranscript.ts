/**
 * A session's transcript as a file: its own chunk (with the formatters), fetched when a rep first exports,
 * so the console's start does not carry it (issue 20, bundles).
 */
import type * as Y from 'yjs'
import { readExportData, type ExportOptions } from '../../doc/exportData'
import { downloadFile } from '../shell/download'
import { EXPORT_MIME, exportFileName, exportLabels, formatExport, type ExportFormat } from '../export/formatTranscript'

/** Downloads a session's transcript in `format`, in the UI language; returns the file name. */
export function downloadTranscript(repDoc: Y.Doc, format: ExportFormat, options: ExportOptions): string {
  const data = readExportData(repDoc, options)
  const name = exportFileName(data, format)
  downloadFile(name, EXPORT_MIME[format], formatExport(format, data, exportLabels()))
  return name
}
