/**
 * The "Export all" archive: every session database of this device (customer
 * and rep docs: reps-only entries and notes too) as one JSON file of Yjs
 * updates (base64), which `Import` merges back (CRDT merge: importing twice,
 * or over newer data, loses nothing). Plaintext unless the rep gives a
 * passphrase; then the whole file is encrypted (docs/SCHEMA.md, "Archive").
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

/** Tag of an archive encrypted with a passphrase (docs/SCHEMA.md, "Archive"). */
export const ENCRYPTED_ARCHIVE_FORMAT = 'asiste-archive-encrypted'
/** PBKDF2-SHA-256 iterations for a new export: OWASP's 2023 advice (~0.3 s in a browser, per guess). */
export const ARCHIVE_KDF_ITERATIONS = 600_000
const MIN_KDF_ITERATIONS = 100_000 // below this a passphrase is too cheap to guess
const MAX_KDF_ITERATIONS = 10_000_000 // a hostile file must not make Import spin for minutes
const SALT_BYTES = 16
const IV_BYTES = 12 // AES-GCM's standard nonce size

/** Why an archive could not be opened with the passphrase given. */
export class ArchivePassphraseError extends Error {
  override name = 'ArchivePassphraseError'
  /** `needed`: the archive is encrypted and no passphrase was given; `wrong`: it does not open it (or the file was altered). */
  constructor(readonly reason: 'needed' | 'wrong') {
    super(reason === 'needed' ? 'this archive needs its passphrase' : 'the passphrase does not open this archive')
  }
}

async function archiveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey'])
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
}

/** Encrypts an archive's JSON text with a passphrase (PBKDF2-SHA-256 → AES-GCM-256); returns the encrypted archive's JSON. */
export async function encryptArchive(plain: string, passphrase: string, iterations = ARCHIVE_KDF_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const key = await archiveKey(passphrase, salt, iterations)
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plain)))
  return JSON.stringify({
    format: ENCRYPTED_ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    ciphertext: toBase64(ciphertext),
  })
}

/** The parameters of an encrypted archive, or undefined when `text` is not one. */
function readEncrypted(text: string): { salt: Uint8Array<ArrayBuffer>; iv: Uint8Array<ArrayBuffer>; iterations: number; ciphertext: Uint8Array<ArrayBuffer> } | undefined {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return undefined
  }
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  if (record.format !== ENCRYPTED_ARCHIVE_FORMAT) return undefined
  const kdf = typeof record.kdf === 'object' && record.kdf !== null ? (record.kdf as Record<string, unknown>) : {}
  const cipher = typeof record.cipher === 'object' && record.cipher !== null ? (record.cipher as Record<string, unknown>) : {}
  const { iterations } = kdf
  if (record.version !== ARCHIVE_VERSION || kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256' || cipher.name !== 'AES-GCM') throw new TypeError('not an Asiste archive')
  if (typeof iterations !== 'number' || !Number.isInteger(iterations) || iterations < MIN_KDF_ITERATIONS || iterations > MAX_KDF_ITERATIONS) throw new TypeError('not an Asiste archive')
  if (typeof kdf.salt !== 'string' || typeof cipher.iv !== 'string' || typeof record.ciphertext !== 'string') throw new TypeError('not an Asiste archive')
  try {
    const salt = new Uint8Array(fromBase64(kdf.salt))
    const iv = new Uint8Array(fromBase64(cipher.iv))
    if (salt.byteLength !== SALT_BYTES || iv.byteLength !== IV_BYTES) throw new TypeError('bad salt or iv')
    return { salt, iv, iterations, ciphertext: new Uint8Array(fromBase64(record.ciphertext)) }
  } catch {
    throw new TypeError('not an Asiste archive')
  }
}

/**
 * Opens an archive file, plain or encrypted: throws ArchivePassphraseError when an encrypted one needs
 * its passphrase or the passphrase is wrong, and a TypeError when the file is not an archive.
 */
export async function openArchive(text: string, passphrase = ''): Promise<ArchivedDoc[]> {
  const encrypted = readEncrypted(text)
  if (!encrypted) return parseArchive(text)
  if (passphrase === '') throw new ArchivePassphraseError('needed')
  const key = await archiveKey(passphrase, encrypted.salt, encrypted.iterations)
  let plain: ArrayBuffer
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: encrypted.iv }, key, encrypted.ciphertext)
  } catch {
    throw new ArchivePassphraseError('wrong') // the tag check fails alike for a wrong passphrase and an altered file
  }
  return parseArchive(new TextDecoder().decode(plain))
}
