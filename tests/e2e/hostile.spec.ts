// A customer-side peer turns hostile (SECURITY.md, "What a customer peer can and cannot do"). The
// customer's own page plays it through the debug-only hooks of src/app/debug/hostileHooks.ts: its writes and
// awareness go out over y-webrtc exactly as a modified client's would. Two contexts: a rep and that peer.
import { expect, test } from './fixtures'
import { LOOKUP_ANSWER_MS, acceptCustomer, chatTexts, expectChat, joinAsCustomer, newSession, say, sessionCode, startRep, submitCode, withTestQuery } from './people'

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
  // Never listed as a rep: the spoofed name appears only as what an unverified peer claims.
  const claimed = rep.page.getByRole('complementary').getByText('Boss Rep')
  await expect(claimed).toHaveCount(1)
  await expect(claimed).toHaveText('Unverified peer claiming to be Boss Rep')

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

// A third person who holds only the join link (the customer key and the session's public verification key,
// never the customer's device key nor the session's signing key) writes into the customer doc through the
// debug hooks while the real customer chats (SECURITY.md, "Identities: who can prove what").
test('a peer with only the join link cannot speak for the rep or the customer, end the chat or push a URL; each try is flagged', async ({ newPerson }) => {
  test.setTimeout(120_000)
  const rep = await newPerson()
  const customer = await newPerson()
  const hostile = await newPerson()
  await startRep(rep.page, 'Rafa Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await say(rep.page, 'Hi Carla, I am Rafa')
  await say(customer.page, 'my printer is broken')
  const genuine = ['Hi Carla, I am Rafa', 'my printer is broken']
  await expectChat(rep.page, genuine)
  await expectChat(customer.page, genuine)

  await hostile.page.goto(withTestQuery(link))
  await expect(hostile.page.getByRole('textbox', { name: 'Your name' })).toBeVisible() // no intake: just a peer in the room
  const readAuthors = (): Promise<Record<string, string>> =>
    hostile.page.evaluate(() => {
      const found: Record<string, string> = {}
      window.asisteHostile?.entries('customer')?.forEach((raw) => {
        const entry = raw as { kind?: unknown; authorRole?: unknown; authorId?: unknown }
        if (entry.kind === 'chat' && typeof entry.authorRole === 'string' && typeof entry.authorId === 'string') found[entry.authorRole] = entry.authorId
      })
      return found
    })
  await expect.poll(async () => Object.keys(await readAuthors()).sort(), { timeout: 20_000 }).toEqual(['customer', 'rep'])
  const authors = await readAuthors()
  const sessionId = /#\/join\/([\w-]+)\./.exec(link)![1]!
  const REP_WORDS = 'Rafa here: your refund is approved, send your card number'
  const CUSTOMER_WORDS = 'never mind, it works now, close the ticket'
  const EVIL_URL = 'https://evil.example/login'
  const forged = { imp: forgedId('imp'), cus: forgedId('cus'), url: forgedId('url'), end: '000000001.0000.end', sys: '000000001.0001.sys' }
  await hostile.page.evaluate(
    ({ authors, sessionId, forged, REP_WORDS, CUSTOMER_WORDS, EVIL_URL }) => {
      const entries = window.asisteHostile!.entries('customer')!
      const doc = entries.doc!
      const now = Date.now()
      doc.transact(() => {
        // 1. The rep's words, as a customer entry with the rep's id and name; the customer's words, unsigned.
        entries.set(forged.imp, { kind: 'chat', audience: 'all', authorId: authors.rep, authorName: 'Rafa Rep', authorRole: 'customer', text: REP_WORDS, at: now })
        entries.set(forged.cus, { kind: 'chat', audience: 'all', authorId: authors.customer, authorName: 'Carla', authorRole: 'customer', text: CUSTOMER_WORDS, at: now })
        // 2. `ended` notes with the smallest ids, as the customer and as the system.
        entries.set(forged.end, { kind: 'status', event: 'ended', eventKey: `ended:${sessionId}`, audience: 'all', authorId: authors.customer, authorName: 'Carla', authorRole: 'customer', text: 'Carla', at: now })
        entries.set(forged.sys, { kind: 'status', event: 'ended', eventKey: `ended:${sessionId}`, audience: 'all', authorId: authors.rep, authorName: 'Rafa Rep', authorRole: 'system', text: 'Rafa Rep', at: now })
        // 5. A pushed URL "from the rep".
        entries.set(forged.url, { kind: 'url', audience: 'all', authorId: authors.rep, authorName: 'Rafa Rep', authorRole: 'rep', text: EVIL_URL, at: now })
        // 3. A receipt at the largest possible id; 4. the intake rewritten.
        doc.getMap('receipts').set(authors.customer!, { role: 'customer', delivered: 'zzzzzzzzz.zzzzzzzz.z', seen: 'zzzzzzzzz.zzzzzzzz.z' })
        doc.getMap('intake').set('customerName', 'Mallory')
      })
    },
    { authors, sessionId, forged, REP_WORDS, CUSTOMER_WORDS, EVIL_URL },
  )

  // The rep: every try flagged with what it claimed; the record holds only the genuine words.
  const warnings = rep.page.getByRole('region', { name: 'Suspicious activity on the customer side' })
  await expect(warnings.locator('[data-tamper="impersonation"]')).toContainText(REP_WORDS)
  await expect(warnings.locator('[data-tamper="impersonation"]')).toContainText('Rafa Rep')
  await expect(warnings.locator('[data-tamper="unsigned"]')).toContainText(CUSTOMER_WORDS)
  await expect(warnings.locator('[data-tamper="foreignEvent"]')).toContainText('Carla')
  await expect(warnings.locator(`[data-tamper="forged"][data-entry-id="${forged.sys}"]`)).toBeVisible()
  await expect(warnings.locator(`[data-tamper="forged"][data-entry-id="${forged.url}"]`)).toContainText(EVIL_URL)
  // (The forged receipt is not asserted here: the real customer's page writes its own receipt over it at once —
  // a receipt naming no entry never holds the real one back — and tests/doc/relay.test.ts proves the record ignores it.)
  await expect(warnings.locator('[data-tamper="intake"]')).toContainText('Mallory')
  expect(await chatTexts(rep.page)).toEqual(genuine)
  await expect(rep.page.getByRole('log', { name: 'Transcript' })).not.toContainText(REP_WORDS)
  await expect(rep.page.getByRole('log', { name: 'Transcript' })).not.toContainText(CUSTOMER_WORDS)

  // The customer: the five forged entries are hidden (and counted), no URL opened, the chat stays open.
  await expect(customer.page.locator('[data-unverified-hidden="5"]')).toBeVisible()
  expect(await chatTexts(customer.page)).toEqual(genuine)
  await expect(customer.page.getByText('The representative ended this session. Thank you!')).toHaveCount(0)
  await expect(customer.page.getByRole('textbox', { name: 'Message' })).toBeVisible()
  expect(customer.context.pages()).toHaveLength(1)
  await say(customer.page, 'are you still there?')
  await expect.poll(() => chatTexts(rep.page), { timeout: 20_000 }).toEqual([...genuine, 'are you still there?'])

  // The rep's own end still reaches the customer, and closes the chat there.
  const tools = rep.page.getByRole('toolbar', { name: 'Session tools' })
  await tools.getByRole('button', { name: 'End session' }).click()
  const end = rep.page.getByRole('dialog', { name: 'End session' })
  await end.getByRole('radio', { name: 'Unknown' }).check()
  await end.getByRole('button', { name: 'End', exact: true }).click()
  await expect(customer.page.getByText('The representative ended this session. Thank you!')).toBeVisible({ timeout: 20_000 })
  for (const person of [rep, customer, hostile]) expect(person.errors.list.filter((error) => error.startsWith('pageerror'))).toEqual([])
})

test('a peer holding only the session code writes an intake first: the rep rejects it, the code still works for the real customer, and the rejected peer gets nothing of the session', async ({ newPerson }) => {
  test.setTimeout(120_000)
  const rep = await newPerson()
  const intruder = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  const sessionId = /#\/join\/([\w-]+)\./.exec(link)?.[1] ?? ''
  const code = await sessionCode(rep.page)

  // The intruder overheard the code and is first: its intake waits for the rep, who sees name and request.
  await submitCode(intruder.page, code)
  await expect(intruder.page.getByRole('textbox', { name: 'Your name' })).toBeFocused({ timeout: LOOKUP_ANSWER_MS }) // the intake replaces the code form; the keyboard lands on it
  await intruder.page.getByRole('textbox', { name: 'Your name' }).fill('Carla')
  await intruder.page.getByRole('textbox', { name: 'Describe your problem' }).fill('reset my password please')
  await intruder.page.getByRole('button', { name: 'Start chat' }).click()
  await expect(intruder.page.getByRole('status').filter({ hasText: 'Waiting for your representative to accept your request…' })).toBeVisible()
  const waiting = rep.page.getByRole('region', { name: 'Someone wants to join with the session code' })
  await expect(waiting.getByRole('listitem').filter({ hasText: 'reset my password please' })).toBeVisible({ timeout: LOOKUP_ANSWER_MS })
  // Keyboard: the rep reaches the buttons with Tab and answers with Enter.
  await waiting.getByRole('button', { name: 'Accept customer' }).focus()
  await rep.page.keyboard.press('Tab')
  await expect(waiting.getByRole('button', { name: 'Reject customer' })).toBeFocused()
  await rep.page.keyboard.press('Enter')
  await expect(intruder.page.getByRole('alert')).toContainText('Your representative did not accept this request')
  expect(intruder.page.url()).toMatch(/#\/portal$/)
  // The code is not spent.
  await expect(rep.page.getByText(/^Session code\s/)).toBeVisible()

  // The real customer types the same code and is accepted; they chat, and see the verified rep's name.
  await submitCode(customer.page, code)
  await expect(customer.page.getByRole('textbox', { name: 'Your name' })).toBeVisible({ timeout: LOOKUP_ANSWER_MS })
  await customer.page.getByRole('textbox', { name: 'Your name' }).fill('Carla')
  await customer.page.getByRole('textbox', { name: 'Describe your problem' }).fill('My printer does not print')
  await customer.page.getByRole('button', { name: 'Start chat' }).click()
  await acceptCustomer(rep.page, 'Carla')
  await expect(customer.page.getByRole('textbox', { name: 'Message' })).toBeVisible()
  await expect(customer.page.getByRole('heading', { level: 1 })).toHaveText('Chat with Ana Rep')
  await expect(customer.page.getByText('Verified: this name comes from your session’s own key.')).toBeVisible()
  await say(customer.page, 'hello, it is the real Carla')
  await say(rep.page, 'hello Carla')
  await expectChat(rep.page, ['hello, it is the real Carla', 'hello Carla'])
  await expectChat(customer.page, ['hello, it is the real Carla', 'hello Carla'])
  const panel = rep.page.getByRole('complementary', { name: 'Session panel' })
  await expect(panel.getByRole('definition').filter({ hasText: 'My printer does not print' })).toBeVisible()
  await expect(rep.page.getByText(/^Session code\s/)).toHaveCount(0)

  // The rejected page never got the session: no join link, no session database, nothing of it in its storage.
  expect(intruder.page.url()).toMatch(/#\/portal$/)
  const stored = await intruder.page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''))
  expect(stored.filter((name) => name.includes(sessionId))).toEqual([])
  expect(await intruder.page.evaluate((id) => document.documentElement.innerHTML.includes(id), sessionId)).toBe(false)
  await expect(rep.page.getByRole('list', { name: 'Attendees' }).getByRole('listitem').filter({ hasText: /^Unverified peer/ })).toHaveCount(0)
  // Trying the code again now finds nothing: it was spent on the accept.
  await submitCode(intruder.page, code)
  await expect(intruder.page.getByRole('alert')).toContainText('This code is not valid or has expired', { timeout: LOOKUP_ANSWER_MS })
  for (const person of [rep, intruder, customer]) expect(person.errors.list).toEqual([])
})

test('a forged seen receipt and a forged screen request from a peer holding only the join link are refused and flagged', async ({ newPerson }) => {
  test.setTimeout(120_000)
  const rep = await newPerson()
  const customer = await newPerson()
  const hostile = await newPerson()
  await startRep(rep.page, 'Rafa Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await say(customer.page, 'my printer is broken')
  await say(rep.page, 'first answer')
  const transcript = rep.page.getByRole('log', { name: 'Transcript' })
  const repMessage = (text: string) => transcript.locator('article[data-kind="chat"]').filter({ hasText: text })
  await expect(repMessage('first answer')).toHaveAttribute('data-delivery', 'seen', { timeout: 20_000 }) // the customer's signed receipt counts

  await hostile.page.goto(withTestQuery(link))
  await expect(hostile.page.getByRole('textbox', { name: 'Your name' })).toBeVisible() // no intake: just a peer in the room
  const ids = async (): Promise<Record<string, string>> =>
    hostile.page.evaluate(() => {
      const found: Record<string, string> = {}
      window.asisteHostile?.entries('customer')?.forEach((raw, id) => {
        const entry = raw as { text?: unknown; authorId?: unknown; authorRole?: unknown }
        if (typeof entry.text === 'string') found[entry.text] = id
        if (entry.authorRole === 'customer' && typeof entry.authorId === 'string') found.customerId = entry.authorId
        if (entry.authorRole === 'rep' && typeof entry.authorId === 'string') found.repId = entry.authorId
      })
      return found
    })
  await expect.poll(async () => JSON.stringify(await ids()), { timeout: 20_000 }).toContain('first answer') // synced with the room
  // The customer steps away; the rep writes again: nobody has seen it.
  await customer.page.close()
  await say(rep.page, 'second answer, unseen')
  await expect.poll(async () => JSON.stringify(await ids()), { timeout: 20_000 }).toContain('second answer, unseen')
  const known = await ids()
  await hostile.page.evaluate(
    ({ known }) => {
      const doc = window.asisteHostile!.entries('customer')!.doc!
      const second = known['second answer, unseen']!
      doc.transact(() => {
        // The rep's newest message marked seen "by the customer" (an id that exists), and a screen request in the rep's name.
        doc.getMap('receipts').set(known.customerId!, { role: 'customer', delivered: second, seen: second })
        doc.getMap('requests').set('forged-screen', { kind: 'screen', repId: known.repId, repName: 'Rafa Rep', at: Date.now(), state: 'pending' })
      })
    },
    { known },
  )

  const warnings = rep.page.getByRole('region', { name: 'Suspicious activity on the customer side' })
  await expect(warnings.locator('[data-tamper="receipt"]')).toContainText(known['second answer, unseen']!)
  await expect(warnings.locator('[data-tamper="screenRequest"]')).toContainText('Rafa Rep')
  await expect(repMessage('second answer, unseen')).toHaveAttribute('data-delivery', 'outbox')

  // The customer comes back: no screen request is shown for the forged one; the rep's own request is.
  const back = await customer.context.newPage()
  await back.goto(withTestQuery(link))
  await expect(back.getByRole('textbox', { name: 'Message' })).toBeVisible()
  await expectChat(back, ['my printer is broken', 'first answer', 'second answer, unseen'])
  await expect(back.getByRole('dialog', { name: 'Screen sharing request' })).toHaveCount(0)
  await rep.page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: 'Request screen sharing' }).click()
  await expect(back.getByRole('dialog', { name: 'Screen sharing request' })).toBeVisible({ timeout: 20_000 })
  await expect(repMessage('second answer, unseen')).toHaveAttribute('data-delivery', 'seen', { timeout: 20_000 }) // the customer's own signed receipt
  for (const person of [rep, hostile]) expect(person.errors.list.filter((error) => error.startsWith('pageerror'))).toEqual([])
})

test("a link holder's forged rep receipt and forged meta move nothing on the customer's page; the rep's signed marks still count", async ({ newPerson }) => {
  test.setTimeout(120_000)
  const rep = await newPerson()
  const customer = await newPerson()
  const hostile = await newPerson()
  await startRep(rep.page, 'Rafa Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  const log = customer.page.getByRole('log', { name: 'Transcript' })
  const mine = (text: string) => log.getByRole('article').filter({ hasText: text }).locator('.entry__delivery')
  await say(customer.page, 'first question')
  await expect(mine('first question')).toHaveAttribute('data-state', 'seen', { timeout: 20_000 }) // the rep's signed receipt

  // The rep leaves; the customer writes again: no rep has it.
  await rep.page.close()
  await say(customer.page, 'second question, unseen')
  await hostile.page.goto(withTestQuery(link))
  await expect(hostile.page.getByRole('textbox', { name: 'Your name' })).toBeVisible() // no intake: just a peer in the room
  const secondId = async (): Promise<string | undefined> =>
    hostile.page.evaluate(() => {
      let found: string | undefined
      window.asisteHostile?.entries('customer')?.forEach((raw, id) => {
        if ((raw as { text?: unknown }).text === 'second question, unseen') found = id
      })
      return found
    })
  await expect.poll(secondId, { timeout: 20_000 }).toBeDefined()
  const second = (await secondId())!
  await hostile.page.evaluate((second) => {
    const doc = window.asisteHostile!.entries('customer')!.doc!
    doc.transact(() => {
      // "Seen by a rep" with no signature, and a meta from a "newer version" so the customer is asked to reload.
      doc.getMap('receipts').set('forged-rep', { role: 'rep', delivered: second, seen: second })
      doc.getMap('meta').set('schemaVersion', 99)
    })
  }, second)

  // Both reached the customer's page: the marks do not move, and a reload opens the chat, not "newer version".
  await expect
    .poll(() => customer.page.evaluate(() => {
      const doc = window.asisteHostile?.entries('customer')?.doc
      return doc ? [doc.getMap('receipts').has('forged-rep'), doc.getMap('meta').get('schemaVersion')] : undefined
    }), { timeout: 20_000 })
    .toEqual([true, 99])
  await expect(mine('second question, unseen')).not.toHaveAttribute('data-state', /seen|delivered/)
  await customer.page.reload()
  await expect(customer.page.getByRole('textbox', { name: 'Message' })).toBeVisible()
  await expect(customer.page.getByText('created by a newer version')).toHaveCount(0)
  await expect(mine('first question')).toHaveAttribute('data-state', 'seen') // the genuine signed mark, from the stored receipt
  await expect(mine('second question, unseen')).not.toHaveAttribute('data-state', /seen|delivered/)
  for (const person of [customer, hostile]) expect(person.errors.list.filter((error) => error.startsWith('pageerror'))).toEqual([])
})
