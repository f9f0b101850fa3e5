// TURN: the TURN server and the ICE transport policy come from the server's
// environment at deploy time (TURN_URLS, TURN_SECRET, ICE_TRANSPORT_POLICY), no
// rebuild. A real coturn (`turnserver`, Debian's coturn package, installed by
// .ci/run) runs on loopback with `use-auth-secret`: no user exists, and
// /config.json mints a credential per fetch that coturn checks by HMAC and
// expiry (issue 18). The policy is forced to `relay`, so the browsers gather no
// host candidates and the only way their data channels can meet is through the
// TURN relay. coturn's own log then shows the allocations and permissions made
// with the minted credentials. Separate browser context per person. A file then
// crosses the same relayed links (the app's P2P file transfer). Last, the same
// coturn refuses a forged and an expired credential.
import { spawn, type ChildProcess } from 'node:child_process'
import { createHmac, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from '../fixtures'
import { expectChat, joinAsCustomer, newSession, say, startRep } from '../people'
import { freePort, ownServer } from './servers'

const TURNSERVER = '/usr/bin/turnserver'
/** coturn's static-auth-secret and the server's TURN_SECRET: the only place the secret lives. */
const SECRET = randomBytes(24).toString('base64url')
const REALM = 'asiste.test'
/** Long enough for the test, short enough that the expiry check below is about minutes, not the 12 h default. */
const TTL_SECONDS = 600

/** What /config.json serves for TURN. */
interface Minted {
  urls: string[]
  username: string
  credential: string
}

/** coturn's shared-secret rule, computed here independently: base64(HMAC-SHA1(secret, username)). */
function hmac(secret: string, username: string): string {
  return createHmac('sha1', secret).update(username).digest('base64')
}

/** Gathers candidates with only this TURN server and the relay policy: relay candidates made, and ICE errors seen. */
async function gatherThrough(page: Page, server: Minted): Promise<{ relays: number; errors: number[] }> {
  return page.evaluate(async (iceServer) => {
    const pc = new RTCPeerConnection({ iceServers: [iceServer], iceTransportPolicy: 'relay' })
    const errors: number[] = []
    let relays = 0
    pc.addEventListener('icecandidateerror', (event) => errors.push(event.errorCode))
    const done = new Promise<void>((resolve) => {
      pc.addEventListener('icecandidate', (event) => {
        if (event.candidate === null) resolve()
        else if (event.candidate.type === 'relay') relays += 1
      })
    })
    pc.createDataChannel('probe')
    await pc.setLocalDescription(await pc.createOffer())
    await done
    pc.close()
    return { relays, errors }
  }, server)
}

/** A coturn on 127.0.0.1 with a temp config; `log` is everything it printed so far. */
interface Turn {
  port: number
  log(): string
  stop(): Promise<void>
}

/** Test-side only: keeps every RTCPeerConnection the page makes, so the test can read its stats. */
function recordPeerConnections(): void {
  const Native = window.RTCPeerConnection
  const made: RTCPeerConnection[] = []
  ;(window as unknown as { __pcs: RTCPeerConnection[] }).__pcs = made
  window.RTCPeerConnection = class extends Native {
    constructor(config?: RTCConfiguration) {
      super(config)
      made.push(this)
    }
  } as typeof RTCPeerConnection
}

/** For each connected peer connection: its ICE policy, and the candidate types of its selected pair. */
async function selectedPairs(page: Page): Promise<{ policy: string | undefined; local: string; remote: string }[]> {
  return page.evaluate(async () => {
    const pcs = (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs
    const out: { policy: string | undefined; local: string; remote: string }[] = []
    for (const pc of pcs) {
      if (pc.connectionState !== 'connected') continue
      const stats = [...(await pc.getStats()).values()] as Record<string, unknown>[]
      const byId = new Map(stats.map((s) => [s.id as string, s]))
      const transport = stats.find((s) => s.type === 'transport' && typeof s.selectedCandidatePairId === 'string')
      const pair = transport ? byId.get(transport.selectedCandidatePairId as string) : stats.find((s) => s.type === 'candidate-pair' && s.nominated === true && s.state === 'succeeded')
      if (!pair) continue
      out.push({
        policy: pc.getConfiguration().iceTransportPolicy,
        local: String(byId.get(pair.localCandidateId as string)?.candidateType),
        remote: String(byId.get(pair.remoteCandidateId as string)?.candidateType),
      })
    }
    return out
  })
}

async function startTurn(): Promise<Turn> {
  const dir = await mkdtemp(path.join(tmpdir(), 'asiste-turn-'))
  const port = await freePort()
  // A small relay port range of its own, away from the usual ephemeral range the tests' servers use.
  const minPort = 40_000 + Math.floor(Math.random() * 200) * 20
  const config = [
    'listening-ip=127.0.0.1',
    'relay-ip=127.0.0.1',
    `listening-port=${port}`,
    `min-port=${minPort}`,
    `max-port=${minPort + 19}`,
    // coturn's REST-API scheme: password = base64(HMAC-SHA1(secret, "<expiry>:<label>")), refused once expired.
    'use-auth-secret',
    `static-auth-secret=${SECRET}`,
    `realm=${REALM}`,
    'no-tls',
    'no-dtls',
    'allow-loopback-peers', // both browsers' relayed addresses are on 127.0.0.1
    'no-cli',
    'fingerprint',
    'log-file=stdout',
    'simple-log',
    'verbose',
    `userdb=${path.join(dir, 'turndb')}`,
    `pidfile=${path.join(dir, 'turn.pid')}`,
  ].join('\n')
  const configFile = path.join(dir, 'turnserver.conf')
  await writeFile(configFile, `${config}\n`)
  const child: ChildProcess = spawn(TURNSERVER, ['-c', configFile], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()))
  const deadline = Date.now() + 10_000
  while (!/UDP listener opened on: 127\.0\.0\.1/.test(out)) {
    if (child.exitCode !== null) throw new Error(`turnserver exited with ${child.exitCode}:\n${out}`)
    if (Date.now() > deadline) throw new Error(`turnserver did not start:\n${out}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return {
    port,
    log: () => out,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      await rm(dir, { recursive: true, force: true })
    },
  }
}

test('with the ICE policy forced to relay, a rep and a customer chat and send a file through a real coturn', async ({ newPerson }, info) => {
  test.skip(!existsSync(TURNSERVER), `${TURNSERVER} is missing: apt-get install coturn (.ci/run does)`)
  test.setTimeout(90_000)
  const turn = await startTurn()
  const turnUrl = `turn:127.0.0.1:${turn.port}?transport=udp`
  const web = ownServer(await freePort(), { TURN_URLS: turnUrl, TURN_SECRET: SECRET, TURN_TTL_SECONDS: String(TTL_SECONDS), ICE_TRANSPORT_POLICY: 'relay' })
  try {
    await web.start()
    const rep = await newPerson('en', { baseURL: web.origin })
    const customer = await newPerson('en', { baseURL: web.origin })
    for (const person of [rep, customer]) await person.context.addInitScript(recordPeerConnections)
    await startRep(rep.page, 'Ana Rep')
    // Each fetch mints its own credential: no static one is ever served.
    const fetchConfig = () => rep.page.evaluate(() => fetch('/config.json').then((r) => r.json() as Promise<{ iceServers: Minted[]; iceTransportPolicy?: string }>))
    const config = await fetchConfig()
    const now = Math.floor(Date.now() / 1000)
    expect(config).toMatchObject({ iceServers: [{ urls: [turnUrl] }], iceTransportPolicy: 'relay' })
    const minted = config.iceServers[0]!
    expect(Math.abs(Number(minted.username.split(':')[0]) - (now + TTL_SECONDS))).toBeLessThan(30)
    expect(minted.credential).toBe(hmac(SECRET, minted.username))
    expect((await fetchConfig()).iceServers[0]!.username).not.toBe(minted.username)

    const link = await newSession(rep.page)
    await joinAsCustomer(customer.page, link, 'Carla Relay')
    await expect(rep.page.getByRole('tab', { name: /^Carla Relay/ })).toBeVisible({ timeout: 20_000 })
    await say(customer.page, 'hello through TURN')
    await say(rep.page, 'relayed reply')
    await expectChat(rep.page, ['hello through TURN', 'relayed reply'])
    await expectChat(customer.page, ['hello through TURN', 'relayed reply'])

    // A file (256 KiB, several chunks) crosses the relayed link, checked by SHA-256 on arrival.
    const file = info.outputPath('through-turn.bin')
    await writeFile(file, randomBytes(256 * 1024))
    const chooser = rep.page.waitForEvent('filechooser')
    await rep.page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: 'Send file' }).click()
    await (await chooser).setFiles(file)
    const offer = customer.page.getByRole('dialog', { name: 'Incoming file' })
    await expect(offer).toContainText('through-turn.bin')
    await offer.getByRole('button', { name: 'Accept' }).click()
    await expect(customer.page.getByRole('log', { name: 'Transcript' })).toContainText('Done — SHA-256 verified', { timeout: 30_000 })

    // Every live link of each browser runs over a relayed candidate pair, under the relay policy.
    for (const page of [rep.page, customer.page]) {
      const pairs = await selectedPairs(page)
      expect(pairs.length).toBeGreaterThan(0)
      for (const pair of pairs) expect(pair).toEqual({ policy: 'relay', local: 'relay', remote: 'relay' })
    }
    // coturn saw minted (expiry:label) users allocate relays and open permissions toward the other peer's relay address.
    const log = turn.log()
    expect(log).toMatch(/user <\d+:[A-Za-z0-9_-]+>: incoming packet ALLOCATE processed, success/)
    expect(log).toMatch(/CREATE_PERMISSION processed, success/)

    // The same coturn: a fresh minted credential gets a relay; a forged one (another secret) and an expired one do not.
    expect((await gatherThrough(rep.page, minted)).relays).toBeGreaterThan(0)
    const forgedName = `${now + TTL_SECONDS}:forged`
    const forged = await gatherThrough(rep.page, { urls: [turnUrl], username: forgedName, credential: hmac('not-the-secret-at-all', forgedName) })
    expect(forged).toMatchObject({ relays: 0 })
    const expiredName = `${now - 60}:expired`
    const expired = await gatherThrough(rep.page, { urls: [turnUrl], username: expiredName, credential: hmac(SECRET, expiredName) })
    expect(expired).toMatchObject({ relays: 0 })
  } finally {
    await web.stop()
    await turn.stop()
  }
})
