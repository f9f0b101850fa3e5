/**
 * The customer's `Save chat log`: their own transcript as plain text, made on
 * their device from the customer doc — the only session document this device
 * holds, so nothing rep-only can be in it. Entries marked for reps (which a
 * hostile peer could still write into the customer doc) are left out anyway.
 */
import type * as Y from 'yjs'
import type { ExportData } from '../../doc/exportData'
import { readIntake } from '../../doc/intake'
import { readSessionMeta } from '../../doc/session'
import { readTranscript } from '../../doc/transcript'
import { downloadFile } from '../shell/download'
import { EXPORT_MIME, exportFileName, exportLabels, formatTxt } from '../export/formatTranscript'

/** The chat log of a customer doc as export data: session id, portal, start, the customer's name and request, and the entries for everyone. */
export function readCustomerChatLog(customerDoc: Y.Doc): ExportData {
  const meta = readSessionMeta(customerDoc)
  const intake = readIntake(customerDoc, 'customer')
  return {
    details: {
      sessionId: meta?.sessionId,
      portal: meta?.portal,
      startedAt: meta?.createdAt,
      state: undefined,
      customerId: intake?.customerId,
      customerName: intake?.customerName,
      request: intake?.request,
      system: [],
    },
    entries: readTranscript(customerDoc).filter((entry) => entry.audience === 'all'),
    notes: undefined,
    outcome: undefined,
  }
}

/** Downloads the customer's chat log as `asiste-<session>-<day>.txt`, in the UI language. */
export function saveCustomerChatLog(customerDoc: Y.Doc, now: number = Date.now()): void {
  const data = readCustomerChatLog(customerDoc)
  downloadFile(exportFileName(data, 'txt', now), EXPORT_MIME.txt, formatTxt(data, exportLabels()))
}
