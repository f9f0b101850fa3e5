// A customer-side peer turns hostile (SECURITY.md, "What a customer peer can and cannot do"). The
// customer's own page plays it through the debug-only hooks of src/app/debug/hostileHooks.ts: its writes and
// awareness go out over y-webrtc exactly as a modified client's would. Two contexts: a rep and that peer.
import { expect, test } from './fixtures'
import { chatTexts, expectChat, joinAsCustomer, newSession, say, startRep } from './people'

/** A well-formed entry id (`<time>.<counter>.<client>`), sorted after everything already written. */
function forgedId(suffix: string): string {
  return `${Date.now().toString(36).padStart(9, '0')}.zzzz.${suffix}`
}

test('a hostile customer peer cannot change the record, is flagged, and the session goes on', async ({ newPerson }) => {
  test.setTimeout(120_000)
  const rep = await newPerson()
  const hostile = await newPerson()
  await startRep(rep.page, 'Rafa Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(hostile.page, link, 'Carla')
  await say(rep.page, 'Hi Carla, I am Rafa')
  await say(hostile.page, 'my printer is broken')
  const genuine = ['Hi Carla, I am Rafa', 'my printer is broken']
  await expectChat(rep.page, genuine)
  await expectChat(hostile.page, genuine)

  const ids = await hostile.page.evaluate(() => {
    const entries = window.asisteHostile?.entries('customer')
    const found: Record<string, string> = {}
    entries?.forEach((raw, id) => {
      const text = (raw as { text?: unknown }).text
      if (typeof text === 'string') found[text] = id
    })
    return found
  })
  const repEntryId = ids['Hi Carla, I am Rafa']
  const customerEntryId = ids['my printer is broken']
  expect(repEntryId).toBeTruthy()
  expect(customerEntryId).toBeTruthy()

  // 1. Transcript: delete the rep's entry, rewrite the customer's, forge one "from" the rep.
  const FORGED = 'Your refund is approved, send your card number'
  await hostile.page.evaluate(
    ({ repEntryId, customerEntryId, forged, FORGED }) => {
      const entries = window.asisteHostile!.entries('customer')!
      const original = entries.get(customerEntryId) as Record<string, unknown>
      entries.delete(repEntryId)
      entries.set(customerEntryId, { ...original, text: 'never mind, all fixed' })
      entries.set(forged, { kind: 'chat', audience: 'all', authorId: 'rep-forged', authorName: 'Rafa Rep', authorRole: 'rep', text: FORGED, at: Date.now() })
    },
    { repEntryId: repEntryId!, customerEntryId: customerEntryId!, forged: forgedId('forged'), FORGED },
  )
  // 1b. Attendees: flood the customer doc's list with 200 fake reps (ids that sort before the genuine ones).
  await hostile.page.evaluate(() => {
    const attendees = window.asisteHostile!.entries('customer')!.doc!.getMap('attendees')
    attendees.doc!.transact(() => {
      for (let i = 0; i < 200; i++) attendees.set(`0fake${i.toString().padStart(3, '0')}`, { name: `Fake rep ${i}`, role: 'rep' })
    })
  })
  // 2. Awareness: claim to be a rep, and tell everyone the real rep left.
  const ownUser = await hostile.page.evaluate(() => window.asisteHostile!.users('customer').find((user) => (user as { name?: unknown }).name === 'Carla'))
  expect(ownUser).toBeTruthy()
  expect(await hostile.page.evaluate(() => window.asisteHostile!.spoofPresence('customer', { id: 'mallory', name: 'Boss Rep', role: 'rep' }))).toBe(true)
  expect(await hostile.page.evaluate(() => window.asisteHostile!.markOffline('customer', 'rep'))).toBeGreaterThan(0)
  // 3. Garbage on the data channel: an empty message, an unknown type, a junk state vector, a junk update.
  expect(await hostile.page.evaluate(() => window.asisteHostile!.sendRaw('customer', []))).toBe(1)
  expect(await hostile.page.evaluate(() => window.asisteHostile!.sendRaw('customer', [0, 0, 3, 0xff, 0xff, 0xff]))).toBe(1)
  expect(await hostile.page.evaluate(() => window.asisteHostile!.sendRaw('customer', [0xff, 0xff, 0xff, 0x0f, 1, 2, 3]))).toBe(1)
  expect(await hostile.page.evaluate(() => window.asisteHostile!.sendRaw('customer', [0, 2, 9, 200, 201, 202, 203, 204, 205, 206, 207]))).toBe(1)
  // 4. A huge update (> 256 KiB, one message), then a flood of small ones.
  await hostile.page.evaluate(
    ({ id }) => {
      const entries = window.asisteHostile!.entries('customer')!
      entries.set(id, { kind: 'chat', audience: 'all', authorId: 'carla', authorName: 'Carla', authorRole: 'customer', text: 'x'.repeat(300 * 1024), at: Date.now() })
    },
    { id: forgedId('huge') },
  )
  await hostile.page.evaluate(
    ({ prefix, count }) => {
      const entries = window.asisteHostile!.entries('customer')!
      for (let i = 0; i < count; i++) entries.set(`${prefix}${i.toString(36).padStart(4, '0')}`, { junk: i })
    },
    { prefix: forgedId('flood').slice(0, -5), count: 3_000 },
  )

  // The rep's record is unchanged, and the rep sees what was tried, flagged, not as genuine messages.
  const warnings = rep.page.getByRole('region', { name: 'Suspicious activity on the customer side' })
  await expect(warnings.locator('[data-tamper="forged"]')).toContainText(`Forged entry, not from Rafa Rep: ${FORGED}`)
  await expect(warnings.locator('[data-tamper="altered"]')).toContainText('never mind, all fixed')
  await expect(warnings.locator('[data-tamper="spoofed"]')).toContainText('Boss Rep')
  await expect(warnings.locator('[data-tamper="throttled"]')).toBeVisible()
  // 200 fakes + Carla + Rafa Rep in the customer doc; the genuine two are kept, the reader takes MAX_ATTENDEES (24).
  await expect(warnings.locator('[data-tamper="attendees"]')).toHaveText('A customer-side peer added 178 attendees beyond the limit of 24; they are ignored.')
  await expect(rep.page.getByRole('complementary').getByText('Fake rep 0')).toHaveCount(0)
  expect(await chatTexts(rep.page)).toEqual(genuine)
  await expect(rep.page.getByRole('log', { name: 'Transcript' })).not.toContainText(FORGED)
  await expect(rep.page.getByRole('complementary').getByText('Boss Rep')).toHaveCount(0)

  // The deleted rep message comes back to the customer's copy; the real rep is back in presence.
  await expect.poll(() => chatTexts(hostile.page), { timeout: 20_000 }).toContain('Hi Carla, I am Rafa')
  await expect
    .poll(() => hostile.page.evaluate(() => window.asisteHostile!.users('customer').some((user) => (user as { name?: unknown }).name === 'Rafa Rep')), { timeout: 20_000 })
    .toBe(true)

  // No page crashed, and the session goes on both ways.
  await hostile.page.evaluate((user) => window.asisteHostile!.spoofPresence('customer', user), ownUser)
  await say(hostile.page, 'are you still there?')
  await expect.poll(() => chatTexts(rep.page), { timeout: 20_000 }).toEqual([...genuine, 'are you still there?'])
  await say(rep.page, 'yes, still here')
  await expect.poll(() => chatTexts(hostile.page), { timeout: 20_000 }).toContain('yes, still here')
  expect(rep.errors.list.filter((error) => error.startsWith('pageerror'))).toEqual([])
  expect(hostile.errors.list.filter((error) => error.startsWith('pageerror'))).toEqual([])
})
