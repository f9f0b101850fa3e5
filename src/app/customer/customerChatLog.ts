/**
 * The customer's `Save chat log`: their own transcript as plain text, made on
 * their device from what their page shows — the entries that verified (reps'
 * against the session key, the customer's own against its device key), never
 * the raw customer doc, where a peer holding the link can write anything.
 * Entries marked for reps are left out too.
 */
import type * as Y from 'yjs'
import type { Entry } from '../../doc/entry'
import type { ExportData } from '../../doc/exportData'
import { readIntake } from '../../doc/intake'
import { readSessionMeta, type SessionMeta } from '../../doc/sessionMeta'
import { downloadFile } from '../shell/download'
import { EXPORT_MIME, exportFileName, exportLabels, formatTxt } from '../export/formatTranscript'

/** The chat log as export data: session id, portal, start, the customer's name and request, and the verified entries for everyone. */
export function readCustomerChatLog(customerDoc: Y.Doc, verified: readonly Entry[], meta: SessionMeta | undefined = readSessionMeta(customerDoc)): ExportData {
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
    entries: verified.filter((entry) => entry.audience === 'all'),
    notes: undefined,
    outcome: undefined,
  }
}

/** Downloads the customer's chat log as `asiste-<session>-<day>.txt`, in the UI language. */
export function saveCustomerChatLog(customerDoc: Y.Doc, verified: readonly Entry[], meta: SessionMeta | undefined, now: number = Date.now()): void {
  const data = readCustomerChatLog(customerDoc, verified, meta)
  downloadFile(exportFileName(data, 'txt', now), EXPORT_MIME.txt, formatTxt(data, exportLabels()))
}
