// What the signaling server relays for a portal request (issue 22): every byte between the pages and
// the relay is captured by a WebSocket tap in front of it (the app's /config.json points the pages at the
// tap), and none of it holds the request's content, the customer's name or the portal's id and keys.
// Rep and customer each have their own browser context; the app comes from a server of this test.
import { WebSocket, WebSocketServer, type RawData } from 'ws'
import { test, expect } from './fixtures'
import { expectChat, say, startRep } from './people'
import { createPortal, queueItem, submitRequest } from './portalSteps'
import { freePort, ownServer } from './reliability/servers'

/** A tap on `port` that forwards every WebSocket to `target` and keeps every byte both ways. */
function signalingTap(port: number, target: string): { bytes: Buffer[]; close(): Promise<void> } {
  const bytes: Buffer[] = []
  const server = new WebSocketServer({ port, host: '127.0.0.1' })
  const toBuffer = (data: RawData): Buffer => (Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data))
  server.on('connection', (client) => {
    const upstream = new WebSocket(target)
    const pending: Buffer[] = []
    upstream.on('open', () => {
      for (const data of pending.splice(0)) upstream.send(data)
    })
    client.on('message', (data) => {
      const buffer = toBuffer(data)
      bytes.push(buffer)
      if (upstream.readyState === WebSocket.OPEN) upstream.send(buffer)
      else pending.push(buffer)
    })
    upstream.on('message', (data) => {
      const buffer = toBuffer(data)
      bytes.push(buffer)
      if (client.readyState === WebSocket.OPEN) client.send(buffer.toString())
    })
    client.on('close', () => upstream.close())
    upstream.on('close', () => client.close())
    upstream.on('error', () => client.close())
  })
  return {
    bytes,
    close: () =>
      new Promise((resolve) => {
        for (const client of server.clients) client.terminate()
        server.close(() => resolve())
      }),
  }
}

test('no byte the signaling server relays holds a portal request, its customer or the portal’s keys', async ({ newPerson }) => {
  test.setTimeout(120_000)
  const [relayPort, tapPort, webPort] = [await freePort(), await freePort(), await freePort()]
  const relay = ownServer(relayPort)
  const tap = signalingTap(tapPort, relay.signalUrl)
  const web = ownServer(webPort, { SIGNALING_URLS: `ws://127.0.0.1:${tapPort}/signal` })
  try {
    await relay.start()
    await web.start()
    const rep = await newPerson('en', { baseURL: web.origin })
    const customer = await newPerson('en', { baseURL: web.origin })
    await startRep(rep.page, 'Ana Rep')
    const link = await createPortal(rep.page, 'Printers Inc')
    const NAME = 'Gertrudis Secretname'
    const PROBLEM = 'my account number is 998877665544'
    await submitRequest(customer.page, link.replace(/^http:\/\/[^/]+/, web.origin.replace(/\/$/, '')), NAME, PROBLEM)
    await expect(queueItem(rep.page, NAME)).toContainText(PROBLEM, { timeout: 20_000 })
    await queueItem(rep.page, NAME).getByRole('button', { name: 'Take' }).click()
    await expect(customer.page.getByRole('textbox', { name: 'Message' })).toBeVisible({ timeout: 15_000 })
    await say(customer.page, 'hello through the portal')
    await expectChat(rep.page, ['hello through the portal'])

    const wire = Buffer.concat(tap.bytes).toString('latin1')
    expect(wire.length).toBeGreaterThan(1_000) // the tap saw the pages' signaling (subscribe, publish)
    expect(wire).toContain('subscribe')
    const [, portalId, sealKey, signKey] = /#\/p\/([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(link) ?? []
    for (const secret of [NAME, 'Secretname', PROBLEM, '998877665544', 'hello through the portal', portalId, sealKey, signKey, 'Printers Inc']) {
      expect(secret && wire.includes(secret), `signaling carried ${secret}`).toBe(false)
    }
    for (const person of [rep, customer]) expect(person.errors.list).toEqual([])
  } finally {
    await web.stop()
    await tap.close()
    await relay.stop()
  }
})
