/**
 * Long sessions seeded into a rep console's IndexedDB as the app leaves them
 * once a linked customer has chatted for a while (issue 18: customer entries
 * count only when the customer's device signed them). Per session:
 *
 * - customer doc: the customer device's intake (with its public signing key),
 *   every entry, and beside each its signature — the customer's own entries
 *   by a device key made for this session (`createDeviceSigningKeys`), the
 *   reps' by the session authority, read from the rep doc the UI created;
 * - rep doc (the record): the binding and details the relay writes on the
 *   first intake (`bindIntake`), every entry, and the customer's signatures.
 *
 * The relay finds nothing to copy or sign when such a session opens (both docs
 * hold every entry with its signature), which is the steady state of a long
 * session; the relay's growth budget (recordGrowth.ts) would in any case admit
 * only 500 customer entries at once if they arrived in one go.
 *
 * The rows are built in Node with the app's own writers and signing code from
 * the databases' current rows (so the entry form and keys are the app's), and
 * added by the page as one more y-indexeddb row per database, fetched from a
 * routed URL so megabytes never cross the evaluate channel.
 */
import type { BrowserContext, Page } from '@playwright/test'
import * as Y from 'yjs'
import { acceptCustomer, bindIntake, readCustomerBinding } from '../src/doc/customerBinding'
import type { Entry } from '../src/doc/entry'
import { writeIntake } from '../src/doc/intake'
import { LOCAL, RELAY } from '../src/doc/schema'
import { readSessionAuthority, readSessionMeta } from '../src/doc/session'
import { putSignatures } from '../src/doc/signatures'
import { readTranscript } from '../src/doc/transcript'
import { mirrorCandidates } from '../src/doc/relay'
import { createDeviceSigningKeys, importSigningKey, importVerifyingKey, signEntry, verifyEntry } from '../src/net/sessionAuthority'

/** How long the UI may take to store a new session's authority (writes are batched a task after the edit). */
const STORED_TIMEOUT_MS = 10_000
/** Signatures made at once: WebCrypto in Node queues them on its thread pool. */
const SIGN_BATCH = 500

/** A session's two databases as the console stored them. */
export interface StoredSession {
  sessionId: string
  repDatabase: string
  customerDatabase: string
  repRows: Uint8Array[]
  customerRows: Uint8Array[]
}

/** The customer who writes the seeded customer entries (the author of `appendChat`'s customer lines). */
export interface SeedCustomer {
  customerId: string
  customerName: string
}

/** Every y-indexeddb `updates` row of the databases whose names start with `asiste:rep:` or `asiste:customer:`, base64. */
async function readSessionRows(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const rows: Record<string, string[]> = {}
    const names = (await indexedDB.databases()).flatMap((db) => (db.name && /^asiste:(rep|customer):/.test(db.name) ? [db.name] : []))
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      const values = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction('updates', 'readonly').objectStore('updates').getAll()
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      db.close()
      rows[name] = values.flatMap((value) => {
        if (!(value instanceof Uint8Array)) return []
        let binary = ''
        for (let i = 0; i < value.length; i += 0x8000) binary += String.fromCharCode(...value.subarray(i, i + 0x8000))
        return [btoa(binary)]
      })
    }
    return rows
  })
}

/** Applies stored rows to a fresh doc. */
function docOf(rows: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc()
  for (const row of rows) Y.applyUpdate(doc, row)
  return doc
}

/**
 * The console's sessions as stored, once `count` of them have both databases and the rep doc holds the
 * session authority; throws after STORED_TIMEOUT_MS saying what is missing.
 */
export async function readStoredSessions(page: Page, count: number): Promise<StoredSession[]> {
  const deadline = Date.now() + STORED_TIMEOUT_MS
  for (;;) {
    const rows = await readSessionRows(page)
    const decode = (name: string): Uint8Array[] => (rows[name] ?? []).map((row) => Buffer.from(row, 'base64'))
    const sessions = Object.keys(rows).flatMap((name): StoredSession[] => {
      const sessionId = /^asiste:rep:(.+)$/.exec(name)?.[1]
      const customerDatabase = `asiste:customer:${sessionId}`
      if (sessionId === undefined || rows[customerDatabase] === undefined) return []
      const repRows = decode(name)
      const rep = docOf(repRows)
      if (readSessionMeta(rep)?.sessionId !== sessionId || !readSessionAuthority(rep)) return []
      return [{ sessionId, repDatabase: name, customerDatabase, repRows, customerRows: decode(customerDatabase) }]
    })
    if (sessions.length >= count) return sessions
    if (Date.now() > deadline) {
      throw new Error(`only ${sessions.length} of ${count} sessions were stored with their session authority after ${STORED_TIMEOUT_MS / 1000} s (databases: ${Object.keys(rows).length})`)
    }
    await page.waitForTimeout(100) // IndexedDB has no change event to wait for
  }
}

/** Signs `entries` (id order kept) with `key`, SIGN_BATCH at a time. */
async function signAll(key: CryptoKey, sessionId: string, entries: readonly Entry[]): Promise<[string, string][]> {
  const signed: [string, string][] = []
  for (let i = 0; i < entries.length; i += SIGN_BATCH) {
    const batch = entries.slice(i, i + SIGN_BATCH)
    const signatures = await Promise.all(batch.map((entry) => signEntry(key, sessionId, entry)))
    batch.forEach((entry, j) => signed.push([entry.id, signatures[j]!]))
  }
  return signed
}

/**
 * The rows to add to a stored session's two databases so that they hold `entries` (a Yjs update of chat
 * entries; the customer's written by `customer`) as a linked customer device and the relay would have
 * left them: see the top of this file.
 */
export async function signedSessionRows(stored: StoredSession, entries: Uint8Array, customer: SeedCustomer): Promise<{ rep: Uint8Array; customer: Uint8Array }> {
  const rep = docOf(stored.repRows)
  const customerDoc = docOf(stored.customerRows)
  const authority = readSessionAuthority(rep)
  const authorityKey = authority && (await importSigningKey(authority.privateKey))
  if (!authorityKey) throw new Error(`session ${stored.sessionId}: no usable session authority in the rep doc`)
  const repBefore = Y.encodeStateVector(rep)
  const customerBefore = Y.encodeStateVector(customerDoc)
  const seeded = readTranscript(docOf([entries]))
  Y.applyUpdate(rep, entries)
  Y.applyUpdate(customerDoc, entries)

  // The customer's page: a device key for this session, the intake carrying its public half, then its entries signed.
  const device = await createDeviceSigningKeys()
  writeIntake(customerDoc, { ...customer, request: 'My printer does not print', system: {}, publicKey: device.publicKey })
  const mine = seeded.filter((entry) => entry.authorRole === 'customer')
  if (mine.some((entry) => entry.authorId !== customer.customerId)) throw new Error('a seeded customer entry names another customer')
  const customerSignatures = await signAll(device.privateKey, stored.sessionId, mine)
  putSignatures(customerDoc, customerSignatures, LOCAL)
  // The relay: binds the intake, publishes the reps' entries signed by the authority, mirrors the customer's with theirs.
  if (bindIntake(customerDoc, rep, RELAY) !== 'bound') throw new Error(`session ${stored.sessionId}: the seeded intake did not bind`)
  const theirs = seeded.filter((entry) => entry.authorRole !== 'customer')
  putSignatures(customerDoc, await signAll(authorityKey, stored.sessionId, theirs), RELAY)
  putSignatures(rep, customerSignatures, RELAY)
  return { rep: Y.encodeStateAsUpdate(rep, repBefore), customer: Y.encodeStateAsUpdate(customerDoc, customerBefore) }
}

/**
 * Checks a seeded session the way a relay that had not yet copied anything would: from a record holding only
 * the binding, `mirrorCandidates` must pick every customer entry of the customer doc and each signature must
 * verify against the bound key. Throws otherwise (a seed the app would refuse measures nothing).
 */
export async function checkSeededSession(stored: StoredSession, rows: { rep: Uint8Array; customer: Uint8Array }): Promise<number> {
  const customerDoc = docOf([...stored.customerRows, rows.customer])
  const rep = docOf([...stored.repRows, rows.rep])
  const binding = readCustomerBinding(rep)
  const key = binding && (await importVerifyingKey(binding.publicKey))
  if (!binding || !key) throw new Error(`session ${stored.sessionId}: the seeded record is not bound to a customer key`)
  const bare = docOf(stored.repRows) // the record before the relay copied anything: only the binding
  acceptCustomer(bare, binding, RELAY)
  const candidates = mirrorCandidates(customerDoc, bare)
  const expected = readTranscript(customerDoc).filter((entry) => entry.authorRole === 'customer').length
  const verified = await Promise.all(candidates.map((item) => verifyEntry(key, stored.sessionId, item.entry, item.signature)))
  const good = verified.filter(Boolean).length
  if (candidates.length !== expected || good !== expected) {
    throw new Error(`session ${stored.sessionId}: of ${expected} customer entries the relay would take ${candidates.length}, and ${good} verify`)
  }
  return good
}

/** Serves each row at a URL of its own and has the page add it to its database's `updates` store. */
export async function addStoredRows(context: BrowserContext, page: Page, rows: readonly { database: string; update: Uint8Array }[]): Promise<void> {
  const urls = rows.map((_, i) => `/__bench/seed-row-${i}.bin`)
  await context.route('**/__bench/seed-row-*.bin', (route) => {
    const index = urls.findIndex((url) => route.request().url().endsWith(url))
    const row = rows[index]
    return row ? route.fulfill({ body: Buffer.from(row.update), contentType: 'application/octet-stream' }) : route.fulfill({ status: 404 })
  })
  await page.evaluate(
    async (targets) => {
      for (const { database, url } of targets) {
        const update = new Uint8Array(await (await fetch(url)).arrayBuffer())
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(database)
          request.onsuccess = () => resolve(request.result)
          request.onerror = () => reject(request.error)
        })
        await new Promise<void>((resolve, reject) => {
          const transaction = db.transaction('updates', 'readwrite')
          transaction.objectStore('updates').add(update)
          transaction.oncomplete = () => resolve()
          transaction.onerror = () => reject(transaction.error)
        })
        db.close()
      }
    },
    rows.map((row, i) => ({ database: row.database, url: urls[i]! })),
  )
}
