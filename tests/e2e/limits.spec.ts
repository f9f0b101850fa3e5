// A customer-side peer floods a real rep with what issue 18 measured (SECURITY.md, "Peer limits"):
// customer entries far faster than anyone types, ten file offers at once, and 32 MiB of updates that
// can never apply. Three contexts: the rep, the genuine customer, and the hostile peer (a second
// customer page on the same link, driven through the debug hooks of src/app/debug/hostileFloods.ts).
import { expect, test } from './fixtures'
import { chatTexts, expectChat, joinAsCustomer, newSession, say, startRep } from './people'

test('a flooding customer-side peer is bounded while the genuine customer keeps chatting, nothing lost', async ({ newPerson }) => {
  test.setTimeout(180_000)
  const rep = await newPerson()
  const customer = await newPerson()
  const hostile = await newPerson()
  await startRep(rep.page, 'Rafa Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await say(customer.page, 'hello, my printer is broken')
  await expectChat(rep.page, ['hello, my printer is broken'])
  // The rep's record (the rep doc), read from the page: the transcript view shows only a window of it.
  await rep.page.evaluate(() => {
    const room = window.asisteDebug!.roomDocs().find((name) => name.startsWith('rep:'))!
    const texts: string[] = []
    ;(window as unknown as { recordTexts: string[] }).recordTexts = texts
    window.asisteDebug!.watchEntries(room, (entries) => {
      for (const entry of entries) if (typeof entry === 'object' && entry !== null && (entry as { kind?: unknown }).kind === 'chat') texts.push(String((entry as { text?: unknown }).text))
    })
  })
  const recordTexts = (): Promise<string[]> => rep.page.evaluate(() => (window as unknown as { recordTexts: string[] }).recordTexts)
  await joinAsCustomer(hostile.page, link, 'Mallory')
  await expect.poll(() => hostile.page.evaluate(() => window.asisteHostile?.sendRaw('customer', [0, 0, 0]) ?? 0), { timeout: 20_000 }).toBeGreaterThanOrEqual(1)

  const sent: string[] = []
  const chat = async (text: string): Promise<void> => {
    await say(customer.page, text)
    sent.push(text)
  }

  // 1. Record growth: 800 well-formed customer entries in one update. Unsigned by the bound customer's key,
  // none may enter the record (the signed customer's own growth is bounded too: tests/doc/recordGrowth.test.ts).
  await hostile.page.evaluate(() => {
    const entries = window.asisteHostile!.entries('customer')!
    const base = Date.now().toString(36).padStart(9, '0')
    entries.doc!.transact(() => {
      for (let i = 0; i < 800; i++) {
        entries.set(`${base}.${i.toString(36).padStart(4, '0')}.junk`, { kind: 'chat', audience: 'all', authorId: 'mallory', authorName: 'Mallory', authorRole: 'customer', text: `junk ${i}`, at: Date.now() })
      }
    })
  })
  await chat('is anyone there?')

  // 2. Ten file offers at once to the rep: four are heard, the other six told "busy" before any offer is read.
  expect(await hostile.page.evaluate(() => window.asisteHostile!.offerFiles('customer', 10, 10 * 1024 * 1024, 'rep'))).toBe(10)
  await expect.poll(() => hostile.page.evaluate(() => window.asisteHostile!.fileAnswers()), { timeout: 20_000 }).toMatchObject({ busy: 6 })
  await hostile.page.evaluate(() => window.asisteHostile!.cancelFiles()) // the four heard ones leave the rep's screen
  await chat('I can also send a photo')

  // 3. 32 MiB of updates whose first dependency never comes: the peer is dropped, nothing stays held.
  const bytes = await hostile.page.evaluate(() => window.asisteHostile!.sendOrphanUpdates('customer', 128, 256 * 1024))
  expect(bytes).toBeGreaterThan(32 * 1024 * 1024)
  for (let i = 0; i < 5; i++) await chat(`still here ${i}`)

  // The genuine customer's messages all reached the rep, in order; none of the junk did, and it is flagged.
  await expect.poll(async () => (await recordTexts()).filter((text) => !text.startsWith('junk ')), { timeout: 30_000 }).toEqual(sent)
  expect((await recordTexts()).filter((text) => text.startsWith('junk '))).toEqual([])
  const warnings = rep.page.getByRole('region', { name: 'Suspicious activity on the customer side' })
  await expect(warnings.locator('[data-tamper]').first()).toBeVisible()
  // The rep still answers at once.
  await say(rep.page, 'yes, I am here')
  await expect.poll(() => chatTexts(customer.page), { timeout: 20_000 }).toContain('yes, I am here')
  expect(rep.errors.list.filter((error) => error.startsWith('pageerror'))).toEqual([])
  expect(customer.errors.list.filter((error) => error.startsWith('pageerror'))).toEqual([])
})

/** Bytes the page's IndexedDB holds in the updates of database `name`. */
function storedBytes(page: import('@playwright/test').Page, name: string): Promise<number> {
  return page.evaluate(async (dbName) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const values = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction('updates').objectStore('updates').getAll()
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    db.close()
    return values.reduce<number>((sum, value) => sum + (value instanceof Uint8Array ? value.byteLength : 0), 0)
  }, name)
}

test('past its storage share a session stops storing what a flooding peer adds, says so, and keeps every message', async ({ newPerson }) => {
  test.setTimeout(120_000)
  const rep = await newPerson()
  const customer = await newPerson()
  const hostile = await newPerson()
  await startRep(rep.page, 'Rafa Rep')
  const cap = 256 * 1024
  await rep.page.evaluate((bytes) => window.asisteDebug!.setSessionStorageCap(bytes), cap)
  const link = await newSession(rep.page)
  const sessionId = await rep.page.evaluate(() => window.asisteDebug!.roomDocs().find((name) => name.startsWith('rep:'))!.slice('rep:'.length))
  await joinAsCustomer(customer.page, link, 'Carla')
  await say(customer.page, 'hello, my printer is broken')
  await expectChat(rep.page, ['hello, my printer is broken'])
  await joinAsCustomer(hostile.page, link, 'Mallory')
  await expect.poll(() => hostile.page.evaluate(() => window.asisteHostile?.sendRaw('customer', [0, 0, 0]) ?? 0), { timeout: 20_000 }).toBeGreaterThanOrEqual(1)

  // 1.5 MiB of junk into the customer doc, in 12 writes (well within the per-peer update budget).
  for (let i = 0; i < 12; i++) {
    await hostile.page.evaluate((n) => window.asisteHostile!.entries('customer')!.doc!.getMap('junk').set(`junk${n}`, 'x'.repeat(128 * 1024)), i)
  }
  const banner = rep.page.locator('[data-storage="sessionFull"]')
  await expect(banner).toBeVisible({ timeout: 30_000 })
  await expect(banner).toHaveAttribute('role', 'status')
  await expect(banner).toContainText('This session reached its storage limit on this device (256 kB)')
  await expect(banner).toContainText('The session record, with your messages and the customer’s, is still saved')

  // The conversation goes on and is stored: the genuine customer's messages reach the record, the rep's the customer.
  const sent = ['hello, my printer is broken']
  for (const text of ['it says paper jam', 'there is no paper in it']) {
    await say(customer.page, text)
    sent.push(text)
  }
  await say(rep.page, 'open the back door, please')
  await expectChat(rep.page, [...sent, 'open the back door, please'])
  await expect.poll(() => chatTexts(customer.page), { timeout: 20_000 }).toContain('open the back door, please')

  // What the device stores of the customer's copy stays near the share, far below the 1.5 MiB sent.
  await hostile.page.close()
  const stored = await storedBytes(rep.page, `asiste:customer:${sessionId}`)
  expect(stored).toBeLessThan(2 * cap)
  // After a reload (no peer online but the customer, who holds no junk), the session's whole conversation is there.
  await customer.page.close()
  await rep.page.reload()
  await expectChat(rep.page, [...sent, 'open the back door, please'])
  expect(await storedBytes(rep.page, `asiste:customer:${sessionId}`)).toBeLessThan(2 * cap)
  expect(rep.errors.list.filter((error) => error.startsWith('pageerror'))).toEqual([])
})

test('fake announces from a holder of the room key leave the genuine customer its place: it reconnects at once and keeps chatting, nothing lost', async ({ newPerson }) => {
  test.setTimeout(120_000)
  const rep = await newPerson()
  const customer = await newPerson()
  const hostile = await newPerson()
  await startRep(rep.page, 'Rafa Rep')
  const link = await newSession(rep.page)
  const [sessionId, key] = (link.split('#/join/')[1] ?? '').split('.')
  await joinAsCustomer(customer.page, link, 'Carla')
  const sent = ['hello, my printer is broken']
  await say(customer.page, sent[0]!)
  await expectChat(rep.page, sent)

  // The hostile context holds the link (the room key) and floods the room with announces under fresh ids,
  // from a signaling connection of its own, at 20 a second (within the server's per-connection rate).
  await hostile.page.goto('/?lang=en&debug=1#/')
  await expect.poll(() => hostile.page.evaluate(() => window.asisteHostile !== undefined)).toBe(true)
  await hostile.page.evaluate(([id, roomKey]) => window.asisteHostile!.floodAnnounces('customer', id!, roomKey!, 20), [sessionId, key])
  // The customer's link drops (as a network blip would) while the flood takes every place it can.
  await customer.page.evaluate(() => window.asisteDebug!.pauseNetwork())
  await expect.poll(() => hostile.page.evaluate(() => window.asisteHostile!.announcesSent()), { timeout: 20_000 }).toBeGreaterThan(60)

  // Back online: the rep's page knows this customer (it opened a data channel before) and lets it in at once,
  // not after the fake connections time out (15 s, CONNECT_TIMEOUT_MS).
  await customer.page.evaluate(() => window.asisteDebug!.resumeNetwork())
  await say(customer.page, 'back again')
  sent.push('back again')
  await expect.poll(() => chatTexts(rep.page), { timeout: 10_000 }).toEqual(sent)
  // The conversation goes on in both directions, in order, while the flood lasts.
  for (let i = 0; i < 3; i++) {
    await say(customer.page, `still flooded ${i}`)
    sent.push(`still flooded ${i}`)
    await expectChat(rep.page, sent)
    await say(rep.page, `I read you ${i}`)
    sent.push(`I read you ${i}`)
    await expectChat(customer.page, sent)
  }
  expect(await hostile.page.evaluate(() => window.asisteHostile!.stopAnnounces())).toBeGreaterThan(60)
  expect(rep.errors.list.filter((error) => error.startsWith('pageerror'))).toEqual([])
  expect(customer.errors.list.filter((error) => error.startsWith('pageerror'))).toEqual([])
})
