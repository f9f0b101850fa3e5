// Redundant signaling: the app's /config.json lists two signaling relays (A and
// B) and y-webrtc connects to both. Killing either relay mid-session (its
// server is closed: every socket gets 1001 and the port stops listening)
// neither stops the chat nor keeps a new customer from joining through the
// other one. The page itself comes from a third server, as behind a load
// balancer, so a new customer can still load it. Separate browser context per person.
import { test, expect } from '../fixtures'
import { expectChat, joinAsCustomer, newSession, say, startRep } from '../people'
import { freePort, ownServer, type OwnServer } from './servers'

test('with two signaling relays, killing either one neither stops the chat nor keeps a new customer out', async ({ newPerson }) => {
  test.setTimeout(120_000)
  const [portA, portB, portWeb] = [await freePort(), await freePort(), await freePort()]
  const a = ownServer(portA)
  const b = ownServer(portB)
  const web = ownServer(portWeb, { SIGNALING_URLS: `${a.signalUrl},${b.signalUrl}` })
  const servers: OwnServer[] = [a, b, web]
  try {
    for (const server of servers) await server.start()
    const rep = await newPerson('en', { baseURL: web.origin })
    const first = await newPerson('en', { baseURL: web.origin })
    await startRep(rep.page, 'Ana Rep')
    const config: unknown = await rep.page.evaluate(() => fetch('/config.json').then((r) => r.json()))
    expect(config).toMatchObject({ signaling: [a.signalUrl, b.signalUrl] })

    const link1 = await newSession(rep.page)
    await joinAsCustomer(first.page, link1, 'First Customer')
    await expect(rep.page.getByRole('tab', { name: /^First Customer/ })).toBeVisible()
    await say(first.page, 'hello before any outage')
    await say(rep.page, 'hi First')
    const chat1 = ['hello before any outage', 'hi First']
    await expectChat(rep.page, chat1)
    await expectChat(first.page, chat1)

    // ── relay A dies ──
    await a.stop()
    await say(first.page, 'A is gone, still here?')
    await say(rep.page, 'yes, still here')
    chat1.push('A is gone, still here?', 'yes, still here')
    await expectChat(rep.page, chat1)
    await expectChat(first.page, chat1)

    // A new session and a new customer: both can only meet through B now.
    const second = await newPerson('en', { baseURL: web.origin })
    const link2 = await newSession(rep.page)
    await joinAsCustomer(second.page, link2, 'Second Customer')
    await expect(rep.page.getByRole('tab', { name: /^Second Customer/ })).toBeVisible()
    await say(second.page, 'joined while A was down')
    await say(rep.page, 'welcome Second')
    await expectChat(rep.page, ['joined while A was down', 'welcome Second'])
    await expectChat(second.page, ['joined while A was down', 'welcome Second'])

    // ── the reverse: A comes back, B dies ──
    await a.start()
    await b.stop()
    await say(second.page, 'B is gone now')
    await expectChat(rep.page, ['joined while A was down', 'welcome Second', 'B is gone now'])

    const third = await newPerson('en', { baseURL: web.origin })
    const link3 = await newSession(rep.page)
    await joinAsCustomer(third.page, link3, 'Third Customer')
    await expect(rep.page.getByRole('tab', { name: /^Third Customer/ })).toBeVisible()
    await say(third.page, 'joined while B was down')
    await say(rep.page, 'welcome Third')
    await expectChat(rep.page, ['joined while B was down', 'welcome Third'])
    await expectChat(third.page, ['joined while B was down', 'welcome Third'])

    // The first session, on the first tab, still runs both ways.
    await rep.page.getByRole('tab', { name: /^First Customer/ }).click()
    await say(first.page, 'still with you after both outages')
    chat1.push('still with you after both outages')
    await expectChat(rep.page, chat1)
    await expectChat(first.page, chat1)
  } finally {
    for (const server of servers) await server.stop()
  }
})
