/**
 * Issue 18: `/config.json` hands out TURN credentials in coturn's shared-secret
 * scheme, fresh and time-limited on every fetch, never a static password; and
 * the page's CSP lets it connect only to its own origin and the signaling URLs.
 * (The browser test turnRelay.spec.ts proves real coturn accepts them and
 * refuses forged and expired ones.)
 */
import { createHmac } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { makeClientConfig } from '../../server/clientConfig.ts'
import { mintTurnServer, turnCredential, turnUsername, DEFAULT_TURN_TTL_SECONDS } from '../../server/turnCredentials.ts'
import { startTestServer, type TestServer } from './helpers.ts'

const SECRET = 'coturn-static-auth-secret'
const TURN_URLS = 'turn:turn.example.org:3478?transport=udp,turns:turn.example.org:5349'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function fetchConfig(s: TestServer): Promise<{ config: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`http://127.0.0.1:${s.port}/config.json`)
  return { config: (await response.json()) as Record<string, unknown>, headers: response.headers }
}

interface Minted {
  urls: string[]
  username: string
  credential: string
}

describe('short-lived TURN credentials', () => {
  it('the credential is base64(HMAC-SHA1(secret, username)): a known vector, and node:crypto computed here', () => {
    const username = turnUsername(1_700_000_600, 'asiste')
    expect(username).toBe('1700000600:asiste')
    // Computed outside Node: printf '1700000600:asiste' | openssl dgst -sha1 -hmac coturn-static-auth-secret -binary | base64
    expect(turnCredential(SECRET, username)).toBe('KExhPEKyJNgDV4Hf6cgYBo6Fxtg=')
    expect(turnCredential(SECRET, username)).toBe(createHmac('sha1', SECRET).update(username).digest('base64'))
  })

  it('expires TURN_TTL_SECONDS after minting; a forged username or another secret does not verify', () => {
    const now = Date.UTC(2026, 11, 2, 12, 0, 0)
    const minted = mintTurnServer({ secret: SECRET, urls: ['turn:t.example.org'], ttlSeconds: 600 }, now, 'label')
    expect(minted.username).toBe(`${now / 1000 + 600}:label`)
    // What coturn checks: the HMAC of the username as received, under its own secret.
    const verifies = (username: string, credential: string): boolean => createHmac('sha1', SECRET).update(username).digest('base64') === credential
    expect(verifies(minted.username ?? '', minted.credential ?? '')).toBe(true)
    // Pushing the expiry later invalidates the credential; so does minting with any other secret.
    expect(verifies(`${now / 1000 + 999_999}:label`, minted.credential ?? '')).toBe(false)
    const other = mintTurnServer({ secret: 'some-other-secret-value', urls: ['turn:t.example.org'], ttlSeconds: 600 }, now, 'label')
    expect(verifies(other.username ?? '', other.credential ?? '')).toBe(false)
  })

  it('/config.json mints a fresh credential on every fetch, expiring TURN_TTL_SECONDS from now, uncached', async () => {
    server = await startTestServer({ env: { TURN_SECRET: SECRET, TURN_URLS, TURN_TTL_SECONDS: '900', ICE_SERVERS: '[{"urls":"stun:stun.example.org"}]' } })
    const before = Math.floor(Date.now() / 1000)
    const first = await fetchConfig(server)
    const second = await fetchConfig(server)
    const after = Math.ceil(Date.now() / 1000)
    expect(first.headers.get('cache-control')).toBe('no-store')
    const [stun, turnA] = first.config.iceServers as [unknown, Minted]
    const turnB = (second.config.iceServers as Minted[])[1]!
    expect(stun).toEqual({ urls: 'stun:stun.example.org' })
    expect(turnA.urls).toEqual(TURN_URLS.split(','))
    const expiry = Number(turnA.username.split(':')[0])
    expect(expiry).toBeGreaterThanOrEqual(before + 900)
    expect(expiry).toBeLessThanOrEqual(after + 900)
    expect(turnA.credential).toBe(createHmac('sha1', SECRET).update(turnA.username).digest('base64'))
    expect(turnB.username).not.toBe(turnA.username)
    expect(turnB.credential).toBe(createHmac('sha1', SECRET).update(turnB.username).digest('base64'))
    // The secret itself is never served.
    expect(JSON.stringify(first.config)).not.toContain(SECRET)
  })

  it('without TURN_SECRET no TURN entry is served; a static TURN password in ICE_SERVERS refuses to start', async () => {
    const built = makeClientConfig({ signaling: [], iceServers: [{ urls: 'stun:s.example.org' }] }, undefined, 'salt-salt-salt-salt')()
    expect(built.iceServers).toEqual([{ urls: 'stun:s.example.org' }])
    await expect(startTestServer({ env: { ICE_SERVERS: '[{"urls":"turn:t.example.org","username":"u","credential":"p"}]' } })).rejects.toThrow(/static TURN credentials/)
  })

  it('defaults to a TTL of 12 hours', async () => {
    expect(DEFAULT_TURN_TTL_SECONDS).toBe(12 * 3600)
    server = await startTestServer({ env: { TURN_SECRET: SECRET, TURN_URLS } })
    const { config } = await fetchConfig(server)
    const expiry = Number((config.iceServers as Minted[])[0]!.username.split(':')[0])
    expect(Math.abs(expiry - (Date.now() / 1000 + 12 * 3600))).toBeLessThan(60)
  })
})

describe('Content-Security-Policy and COOP', () => {
  it('connect-src is the own origin and the configured signaling URLs only, with no blanket ws: or wss:', async () => {
    server = await startTestServer({ env: { SIGNALING_URLS: 'wss://a.example.org/signal,ws://b.example.org:4444/signal' } })
    const { headers } = await fetchConfig(server)
    const csp = headers.get('content-security-policy') ?? ''
    const connect = /connect-src ([^;]*)/.exec(csp)?.[1]?.split(' ') ?? []
    expect(connect).toEqual(["'self'", 'wss://a.example.org', 'ws://b.example.org:4444'])
    expect(csp).not.toMatch(/(^|\s)wss?:(\s|;|$)/)
    expect(headers.get('cross-origin-opener-policy')).toBe('same-origin')
  })
})
