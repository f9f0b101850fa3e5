/**
 * Names and limits shared by every session document. Changing a name here is a
 * schema change: bump SCHEMA_VERSION and add the step in `migrations.ts`
 * (docs/SCHEMA.md, "Versions").
 */

/** Version of the document layout written by this build (2: `meta.kind` names the document; 3: compact entries). */
export const SCHEMA_VERSION = 3
/** The first version whose entries are compact arrays and whose signatures are raw bytes (docs/SCHEMA.md, "Versions"). */
export const COMPACT_ENTRIES_VERSION = 3

/** Transaction origin of edits made by this device's user. */
export const LOCAL = 'asiste:local'
/** Transaction origin of edits copied between documents by the relay. */
export const RELAY = 'asiste:relay'
/** Transaction origin of a schema migration (not a user's edit: undo must not revert it). */
export const MIGRATION = 'asiste:migration'

/** Top-level shared types (all are `Y.Map` except `notes`, a `Y.Text`). */
export const ROOT = {
  meta: 'meta',
  intake: 'intake',
  details: 'details',
  entries: 'entries',
  attendees: 'attendees',
  notes: 'notes',
  reps: 'reps',
  sessions: 'sessions',
} as const

/** Longest chat message accepted, in UTF-16 code units (~20 KB: a long log paste, not a file). */
export const MAX_MESSAGE_CHARS = 20_000
/** Longest display name; longer names are someone's paste, not a name. */
export const MAX_NAME_CHARS = 80
/** Longest problem description typed at intake. */
export const MAX_REQUEST_CHARS = 2_000
/** Longest id of a person or session accepted from a peer. */
export const MAX_ID_CHARS = 64
/** Longest single system-information value (user agents run ~200 chars). */
export const MAX_SYSTEM_VALUE_CHARS = 300

/** Default largest file offered or accepted (2 GB); callers may pass another cap. */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024
/** Longest file name accepted in an offer (what file systems allow); a longer one is refused, never cut. */
export const MAX_FILE_NAME_CHARS = 255
