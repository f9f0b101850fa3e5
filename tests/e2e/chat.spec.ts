// Foundation slice: a rep and a customer, each in their own browser context,
// chat over WebRTC through the real signaling server and the built app.
import { test, expect } from './fixtures'
import { chatTexts, expectChat, joinAsCustomer, newSession, say, startRep } from './people'

test('a rep and a customer exchange messages both ways and see the same order', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carlos Cliente')

  // The customer's intake reaches the rep: the tab is named after the customer.
  await expect(rep.page.getByRole('tab', { name: /^Carlos Cliente/ })).toBeVisible()

  await say(customer.page, 'Hola, necesito ayuda')
  await expectChat(rep.page, ['Hola, necesito ayuda'])
  await say(rep.page, 'Hello Carlos, I am Ana.\nHow can I help?')
  await say(customer.page, '<b>not bold</b> & <script>window.x=1</script>')
  const expected = ['Hola, necesito ayuda', 'Hello Carlos, I am Ana.\nHow can I help?', '<b>not bold</b> & <script>window.x=1</script>']
  await expectChat(rep.page, expected)
  await expectChat(customer.page, expected)
  // Text is rendered as text: no element was created from the message.
  await expect(customer.page.locator('article b')).toHaveCount(0)
  expect(rep.errors.list).toEqual([])
  expect(customer.errors.list).toEqual([])
})

test('a reload of either side keeps the transcript', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await say(customer.page, 'first from customer')
  await say(rep.page, 'first from rep')
  const expected = ['first from customer', 'first from rep']
  await expectChat(customer.page, expected)
  await expectChat(rep.page, expected)

  await rep.page.reload()
  await expectChat(rep.page, expected)
  await expect(rep.page.getByRole('tab', { name: /^Carla/ })).toBeVisible()

  await customer.page.reload()
  // No second intake: the customer is back in the chat with its history.
  await expect(customer.page.getByRole('button', { name: 'Start chat' })).toHaveCount(0)
  await expectChat(customer.page, expected)

  // And the reloaded pages still talk to each other.
  await say(customer.page, 'after reload')
  await expectChat(rep.page, [...expected, 'after reload'])
})

test('messages typed while the rep is offline reach the customer in order, once', async ({ newPerson }) => {
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)
  await joinAsCustomer(customer.page, link, 'Carla')
  await say(rep.page, 'before the cut')
  await expectChat(customer.page, ['before the cut'])

  // The link is cut by disconnecting every y-webrtc provider of the rep's page
  // (signaling socket, peer connections, tabs): Playwright's setOffline would not cut WebRTC.
  await rep.page.evaluate(() => window.asisteDebug?.pauseNetwork())
  await expect(rep.page.getByRole('status', { name: 'Connection' })).toContainText('Offline')
  await expect(customer.page.getByRole('status', { name: 'Connection' })).toHaveText('Waiting for your representative')

  const offline = ['offline one', 'offline two', 'offline three']
  for (const text of offline) await say(rep.page, text)
  await expectChat(rep.page, ['before the cut', ...offline])
  expect(await chatTexts(customer.page)).toEqual(['before the cut'])

  await rep.page.evaluate(() => window.asisteDebug?.resumeNetwork())
  await expect(rep.page.getByRole('status', { name: 'Connection' })).toContainText('Online')
  await expectChat(customer.page, ['before the cut', ...offline])
})

test('a session over 1 MB syncs completely to a customer who joins late', async ({ newPerson }) => {
  test.setTimeout(180_000)
  const rep = await newPerson()
  const customer = await newPerson()
  await startRep(rep.page, 'Ana Rep')
  const link = await newSession(rep.page)

  const COUNT = 300
  const BODY = 'x'.repeat(4096) // 300 × 4 KB ≈ 1.2 MB of messages, far past y-webrtc's 256 KiB frame cap
  for (let i = 1; i <= COUNT; i++) await say(rep.page, `#${i} ${BODY}`)
  // 1 status note (session started) + 300 messages.
  await expect(rep.page.getByText(`${COUNT + 1} messages`)).toBeVisible()

  const started = Date.now()
  await joinAsCustomer(customer.page, link, 'Late Customer')
  // + the customer's own "joined" note.
  await expect(customer.page.getByText(`${COUNT + 2} messages`)).toBeVisible({ timeout: 30_000 })
  test.info().annotations.push({ type: 'late-join-ms', description: String(Date.now() - started) })
  // The rep's entries showed, so they verified: in the page's verification worker (src/app/customer/entryVerifier.ts).
  expect(customer.page.workers().map((worker) => worker.url())).toContainEqual(expect.stringMatching(/\/verifyWorker-[\w-]+\.js$/))
  const last = await chatTexts(customer.page)
  expect(last.at(-1)).toBe(`#${COUNT} ${BODY}`)
})
