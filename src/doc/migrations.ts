/**
 * Schema versions: every Asiste document carries `meta.schemaVersion`. A
 * document of an older version is brought up to SCHEMA_VERSION by pure steps,
 * in one transaction, when a client opens it; a newer one is left untouched
 * and must be shown read-only (an older build cannot know what its new keys
 * mean, and rewriting them could lose data). Steps only add, copy or re-encode
 * the same value (v3): an entry is never removed, and two peers that migrate
 * the same document at once write equal values, so they converge.
 */
import * as Y from 'yjs'
import { MIGRATION, ROOT, SCHEMA_VERSION } from './schema'
import { isRecord } from './guards'
import { encodeEntry, parseEntry } from './entry'
import { entriesMap } from './transcript'
import { compactSignatures } from './signatures'

/** Which document a doc is (SCHEMA.md, "Rooms and keys"). */
export type DocKind = 'customer' | 'rep' | 'team'

/** What a document's version means to this build. */
export type SchemaCheck =
  /** No `meta.schemaVersion` yet: a brand-new doc, or one still arriving from peers. */
  | { status: 'empty' }
  | { status: 'current'; version: number }
  /** Older than this build: `migrateDoc` brings it up to date. */
  | { status: 'older'; version: number }
  /** Written by a newer build (or not a version at all): read it, never write it. */
  | { status: 'newer'; version: number | undefined }

/** The outcome of opening a document: `migrated` says from which version. */
export type MigrationResult =
  | { status: 'empty' }
  | { status: 'current' | 'migrated'; version: number }
  | { status: 'newer'; version: number | undefined }

/** One step: turns a document of version `from` into version `from + 1`. */
interface MigrationStep {
  from: number
  up(meta: Y.Map<unknown>, kind: DocKind, doc: Y.Doc): void
}

/** Every step, oldest first; `MIGRATIONS[i].from === i + 1` and the last one ends at SCHEMA_VERSION. */
export const MIGRATIONS: readonly MigrationStep[] = [
  {
    // v2: a document says which one it is, so a reader of an archive or a room need not trust a name.
    from: 1,
    up(meta, kind) {
      if (meta.get('kind') === undefined) meta.set('kind', kind)
    },
  },
  {
    // v3: entries as compact arrays, signatures as raw bytes. Each valid v2 entry is rewritten as the
    // same entry (`parseEntry` reads back equal fields, so signatures over them still verify); what
    // does not parse is left as it is, never removed. Two peers migrating at once write equal values.
    from: 2,
    up(_meta, _kind, doc) {
      const entries = entriesMap(doc)
      for (const [id, raw] of [...entries.entries()]) {
        const entry = isRecord(raw) ? parseEntry(id, raw) : undefined
        if (entry) entries.set(id, encodeEntry(id, entry, 'v3'))
      }
      compactSignatures(doc)
    },
  },
]

/** Reads `meta.schemaVersion` and says what it means to this build (pure: writes nothing). */
export function checkSchema(doc: Y.Doc): SchemaCheck {
  const version = doc.getMap<unknown>(ROOT.meta).get('schemaVersion')
  if (version === undefined) return { status: 'empty' }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { status: 'newer', version: undefined }
  if (version > SCHEMA_VERSION) return { status: 'newer', version }
  return version === SCHEMA_VERSION ? { status: 'current', version } : { status: 'older', version }
}

/** Brings an older document of `kind` up to SCHEMA_VERSION (one transaction); leaves every other one as it is. */
export function migrateDoc(doc: Y.Doc, kind: DocKind): MigrationResult {
  const check = checkSchema(doc)
  if (check.status !== 'older') return check
  doc.transact(() => {
    const meta = doc.getMap<unknown>(ROOT.meta)
    for (const step of MIGRATIONS) {
      if (step.from >= check.version) step.up(meta, kind, doc)
    }
    meta.set('schemaVersion', SCHEMA_VERSION)
  }, MIGRATION)
  return { status: 'migrated', version: check.version }
}

/** The kind a document says it is (v2+), or undefined when it does not say (v1) or says something else. */
export function readDocKind(doc: Y.Doc): DocKind | undefined {
  const kind = doc.getMap<unknown>(ROOT.meta).get('kind')
  return kind === 'customer' || kind === 'rep' || kind === 'team' ? kind : undefined
}
