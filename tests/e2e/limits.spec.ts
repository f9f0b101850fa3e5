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
