/**
 * The "Export all" archive: every session database of this device as one
 * JSON file of Yjs updates (base64), which `Import` merges back (CRDT merge:
 * importing twice, or over newer data, loses nothing).
 */
import { fromBase64, toBase64 } from 'lib0/buffer'
import { parseDatabaseName } from '../../store/localDatabases'

/** Archive format tag and version. */
export const ARCHIVE_FORMAT = 'asiste-archive'
export const ARCHIVE_VERSION = 1
const MAX_ARCHIVE_DOCS = 20_000 // far more sessions than a device keeps; guards against a hostile file

/** One document in the archive. */
export interface ArchivedDoc {
  name: string
  update: Uint8Array
}

/** Builds the archive's JSON text. */
export function buildArchive(docs: ArchivedDoc[], exportedAt = Date.now()): string {
  return JSON.stringify({
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt,
    docs: docs.map((doc) => ({ name: doc.name, update: toBase64(doc.update) })),
  })
}

/** Parses an archive; throws a TypeError when the file is not one. Only session databases are accepted. */
export function parseArchive(text: string): ArchivedDoc[] {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new TypeError('not an Asiste archive')
  }
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  if (record.format !== ARCHIVE_FORMAT || record.version !== ARCHIVE_VERSION || !Array.isArray(record.docs) || record.docs.length > MAX_ARCHIVE_DOCS) {
    throw new TypeError('not an Asiste archive')
  }
  return record.docs.flatMap((item: unknown) => {
    const doc = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {}
    const parsed = typeof doc.name === 'string' ? parseDatabaseName(doc.name) : undefined
    if (!parsed || parsed.kind === 'team' || typeof doc.update !== 'string') return []
    try {
      return [{ name: parsed.name, update: fromBase64(doc.update) }]
    } catch {
      return []
    }
  })
}
