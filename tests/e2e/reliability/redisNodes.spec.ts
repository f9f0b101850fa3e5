// Signaling at scale: two Asiste server nodes share signaling topics through
// Redis pub/sub (REDIS_URL). The rep's browser talks only to node one, the
// customer's only to node two (each page uses its own origin's /signal), and
// they still find each other and chat. A real `redis-server` (Debian's
// package, installed by .ci/run) is started by the test on a free port.
// Separate browser context per person.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { test, expect } from '../fixtures'
import { expectChat, joinAsCustomer, newSession, say, startRep } from '../people'
import { freePort, onOrigin, ownServer } from './servers'

const REDIS_SERVER = '/usr/bin/redis-server'

async function startRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort()
  const child: ChildProcess = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()))
  const deadline = Date.now() + 10_000
  while (!out.includes('Ready to accept connections')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not start:\n${out}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}

test('a rep on one signaling node and a customer on another find each other through Redis and chat', async ({ newPerson }) => {
  test.skip(!existsSync(REDIS_SERVER), `${REDIS_SERVER} is missing: apt-get install redis-server (.ci/run does)`)
  test.setTimeout(90_000)
  const redis = await startRedis()
  const one = ownServer(await freePort(), { REDIS_URL: redis.url })
  const two = ownServer(await freePort(), { REDIS_URL: redis.url })
  try {
    await one.start()
    await two.start()
    const rep = await newPerson('en', { baseURL: one.origin })
    const customer = await newPerson('en', { baseURL: two.origin })
    await startRep(rep.page, 'Ana Rep')
    const link = await newSession(rep.page)
    await joinAsCustomer(customer.page, onOrigin(link, two.origin), 'Nora Node')
    await expect(rep.page.getByRole('tab', { name: /^Nora Node/ })).toBeVisible()
    await say(customer.page, 'hello from node two')
    await say(rep.page, 'hello from node one')
    await expectChat(rep.page, ['hello from node two', 'hello from node one'])
    await expectChat(customer.page, ['hello from node two', 'hello from node one'])
  } finally {
    await one.stop()
    await two.stop()
    await redis.stop()
  }
})
