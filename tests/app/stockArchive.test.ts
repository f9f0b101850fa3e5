// @vitest-environment happy-dom
// "Export all" read back by a program that is not Asiste: stock yjs, JSON and
// WebCrypto only, following docs/SCHEMA.md ("Archive"). It also shows what the
// page warns about: the archive holds the rep doc, reps-only entries and notes.
import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { createRoot } from 'solid-js'
import * as Y from 'yjs'
import { createHistory } from '../../src/app/history/history'
import type { RepWorkspace } from '../../src/app/console/repWorkspace'
import { downloadFile } from '../../src/app/shell/download'
import { docDatabaseName, persistDoc } from '../../src/store/persistDoc'
import { initCustomerDoc, initRepDoc } from '../../src/doc/session'
import { appendEntry } from '../../src/doc/transcript'
import { notesText } from '../../src/doc/notes'
import { dedupeByEventKey, orderedTranscript } from '../e2e/stock/stockReader'

vi.mock('../../src/app/shell/download', () => ({ downloadFile: vi.fn() }))

const noTabs: Pick<RepWorkspace, 'tabs' | 'session'> = { tabs: () => [], session: () => undefined }
const customerLine = { kind: 'chat', audience: 'all', authorId: 'cust-7Q', authorName: 'Carla', authorRole: 'customer', text: 'My printer does not print' } as const
const repLine = { kind: 'chat', audience: 'all', authorId: 'rep-Ana', authorName: 'Ana', authorRole: 'rep', text: 'Is it plugged in?' } as const
const repsOnly = { kind: 'chat', audience: 'reps', authorId: 'rep-Ana', authorName: 'Ana', authorRole: 'rep', text: 'reps only: customer sounds upset' } as const

/** Stores a session on this "device" as the app would: both documents in IndexedDB. */
async function storeSession(sessionId: string): Promise<void> {
  const rep = new Y.Doc()
  const customer = new Y.Doc()
  const repStore = await persistDoc(rep, docDatabaseName('rep', sessionId))
  const customerStore = await persistDoc(customer, docDatabaseName('customer', sessionId))
  initRepDoc(rep, { sessionId: sessionId, createdAt: 1_764_680_400_000, portal: 'link', customerKey: 'q3Jx8w2Lr0-Zk_5yVt9bN1' })
  initCustomerDoc(customer, { sessionId: sessionId, createdAt: 1_764_680_400_000, portal: 'link' })
  for (const line of [customerLine, repLine]) {
    const id = appendEntry(rep, { ...line, at: 1_764_680_401_000 })
    customer.getMap('entries').set(id, rep.getMap('entries').get(id)) // what the relay publishes
  }
  appendEntry(rep, { ...repsOnly, at: 1_764_680_402_000 })
  notesText(rep).insert(0, 'notes: replace toner')
  await Promise.all([repStore.close(), customerStore.close()])
}

/** The file Export all offered for download. */
async function exportAll(passphrase?: string): Promise<string> {
  const offered = vi.mocked(downloadFile)
  offered.mockClear()
  await createRoot(async (dispose) => {
    await createHistory(noTabs).exportAll(passphrase)
    dispose()
  })
  const content = offered.mock.calls[0]?.[2]
  if (typeof content !== 'string') throw new Error('Export all offered no file')
  return content
}

/** A stock reader of a plain archive: JSON, base64 and Y.applyUpdate, nothing from src/. */
function readPlain(text: string): Map<string, Y.Doc> {
  const archive = JSON.parse(text) as { format: string; version: number; docs: { name: string; update: string }[] }
  expect([archive.format, archive.version]).toEqual(['asiste-archive', 1])
  const docs = new Map<string, Y.Doc>()
  for (const { name, update } of archive.docs) {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, new Uint8Array(Buffer.from(update, 'base64')))
    docs.set(name, doc)
  }
  return docs
}

/** A stock reader of an encrypted archive, written from SCHEMA.md: PBKDF2-SHA-256 → AES-GCM-256 with WebCrypto. */
async function decrypt(text: string, passphrase: string): Promise<string> {
  const file = JSON.parse(text) as { format: string; kdf: { iterations: number; salt: string }; cipher: { iv: string }; ciphertext: string }
  expect(file.format).toBe('asiste-archive-encrypted')
  const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'))
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey'])
  const key = await crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: bytes(file.kdf.salt), iterations: file.kdf.iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['decrypt'])
  return new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes(file.cipher.iv) }, key, bytes(file.ciphertext)))
}

const texts = (doc: Y.Doc | undefined): unknown[] => (doc ? dedupeByEventKey(orderedTranscript(doc)).map((entry) => entry.text) : [])

describe('an "Export all" archive read with stock yjs', () => {
  it('holds both documents of the session in plaintext: the transcript in order, reps-only entries and notes too', async () => {
    const sessionId = 'Arch1v3-plain'
    await storeSession(sessionId)
    const docs = readPlain(await exportAll())
    const customer = docs.get(`asiste:customer:${sessionId}`)
    const rep = docs.get(`asiste:rep:${sessionId}`)
    expect(texts(customer)).toEqual([customerLine.text, repLine.text])
    expect(texts(rep)).toEqual([customerLine.text, repLine.text, repsOnly.text])
    expect(rep?.getText('notes').toString()).toBe('notes: replace toner')
  })

  it('with a passphrase, opens only through the documented PBKDF2 + AES-GCM, then reads the same', async () => {
    const sessionId = 'Arch1v3-crypt'
    await storeSession(sessionId)
    const encrypted = await exportAll('tóner 2025')
    expect(encrypted).not.toContain(sessionId)
    await expect(decrypt(encrypted, 'wrong')).rejects.toThrow()
    const docs = readPlain(await decrypt(encrypted, 'tóner 2025'))
    expect(texts(docs.get(`asiste:rep:${sessionId}`))).toEqual([customerLine.text, repLine.text, repsOnly.text])
  })

  it('Import takes the encrypted file with its passphrase, and refuses it without', async () => {
    await storeSession('Arch1v3-import')
    const encrypted = await exportAll('pw-1')
    await createRoot(async (dispose) => {
      const history = createHistory(noTabs)
      await expect(history.importArchive(encrypted)).rejects.toMatchObject({ name: 'ArchivePassphraseError', reason: 'needed' })
      await expect(history.importArchive(encrypted, 'pw-2')).rejects.toMatchObject({ name: 'ArchivePassphraseError', reason: 'wrong' })
      expect(await history.importArchive(encrypted, 'pw-1')).toBeGreaterThanOrEqual(1)
      dispose()
    })
  })
})
