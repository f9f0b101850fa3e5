import { request } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConfigError } from '../../server/runtimeConfig.ts'
import { makeDist, SECRET, startTestServer, TestClient, type Fixture, type TestServer } from './helpers.ts'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw HTTP request: unlike fetch, it sends the path exactly as written (no `..` normalization). */
function raw(server: TestServer, path: string, init: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

let fixture: Fixture
let server: TestServer

beforeEach(async () => {
  fixture = await makeDist()
})
afterEach(async () => {
  await server.close()
  await fixture.cleanup()
})

describe('static files', () => {
  it('serves index.html at / with no-cache and the security headers', async () => {
    server = await startTestServer({ distDir: fixture.distDir, env: { SIGNALING_URLS: 'wss://signal.example.org/signal' } })
    const reply = await raw(server, '/')
    expect(reply.status).toBe(200)
    expect(reply.body).toContain('<title>Asiste</title>')
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(reply.headers['cache-control']).toBe('no-cache')
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
    expect(reply.headers['referrer-policy']).toBe('no-referrer')
    const csp = String(reply.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("connect-src 'self' wss://signal.example.org;")
    expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin')
    expect(csp).toContain("img-src 'self' data: blob:")
    expect(csp).toContain("media-src 'self' blob:")
    expect(csp).toContain("style-src 'self' 'unsafe-inline'")
    expect(csp).toContain("worker-src 'self'")
    expect(csp).not.toContain("'unsafe-eval'")
  })

  it('falls back to index.html for client-side routes without an extension', async () => {
    server = await startTestServer({ distDir: fixture.distDir })
    for (const route of ['/join/abc.def', '/sessions/42/', '/assets']) {
      const reply = await raw(server, route)
      expect(reply.status, route).toBe(200)
      expect(reply.body, route).toContain('<title>Asiste</title>')
      expect(reply.headers['cache-control'], route).toBe('no-cache')
    }
  })

  it('returns 404 for a missing file with an extension', async () => {
    server = await startTestServer({ distDir: fixture.distDir })
    expect((await raw(server, '/assets/missing-123.js')).status).toBe(404)
    expect((await raw(server, '/nope.png')).status).toBe(404)
  })

  it('sends the right MIME type and cache policy for each kind of file', async () => {
    server = await startTestServer({ distDir: fixture.distDir })
    const cases: [string, string, string][] = [
      ['/assets/index-abc123.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['/assets/index-abc123.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['/assets/index-abc123.js.map', 'application/json', 'public, max-age=31536000, immutable'],
      ['/assets/font-abc123.woff2', 'font/woff2', 'public, max-age=31536000, immutable'],
      ['/sw.js', 'text/javascript; charset=utf-8', 'no-cache'],
      ['/workbox-1a2b3c.js', 'text/javascript; charset=utf-8', 'no-cache'],
      ['/registerSW.js', 'text/javascript; charset=utf-8', 'no-cache'],
      ['/manifest.webmanifest', 'application/manifest+json', 'no-cache'],
      ['/icon.svg', 'image/svg+xml', 'no-cache'],
      ['/icon.png', 'image/png', 'no-cache'],
      ['/favicon.ico', 'image/x-icon', 'no-cache'],
      ['/data.json', 'application/json', 'no-cache'],
      ['/index.html', 'text/html; charset=utf-8', 'no-cache'],
    ]
    for (const [path, type, cache] of cases) {
      const reply = await raw(server, path)
      expect(reply.status, path).toBe(200)
      expect(reply.headers['content-type'], path).toBe(type)
      expect(reply.headers['cache-control'], path).toBe(cache)
    }
  })

  it('never serves a file outside dist/, however the path is written', async () => {
    server = await startTestServer({ distDir: fixture.distDir })
    const attempts = ['/../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/assets/../../secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/../dist/../secret.txt', '/..']
    for (const path of attempts) {
      const reply = await raw(server, path)
      expect([400, 404], path).toContain(reply.status)
      expect(reply.body, path).not.toContain(SECRET)
    }
    expect((await raw(server, '/%E0%A4%A')).status).toBe(400)
    expect((await raw(server, '/index.html%00.js')).status).toBe(400)
  })

  it('answers HEAD with headers only, 304 for a matching ETag, and 405 for other methods', async () => {
    server = await startTestServer({ distDir: fixture.distDir })
    const head = await raw(server, '/assets/index-abc123.js', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    expect(head.headers['content-length']).toBe(String('console.log("app")'.length))
    const etag = String(head.headers.etag)
    expect((await raw(server, '/assets/index-abc123.js', { headers: { 'if-none-match': etag } })).status).toBe(304)
    const post = await raw(server, '/', { method: 'POST' })
    expect(post.status).toBe(405)
    expect(post.headers.allow).toBe('GET, HEAD')
  })

  it('explains how to build when dist/ is missing, and still runs signaling', async () => {
    server = await startTestServer({ distDir: `${fixture.root}/not-built` })
    expect(server.hasApp).toBe(false)
    const reply = await raw(server, '/')
    expect(reply.status).toBe(503)
    expect(reply.body).toContain('npm run build')
    const client = await TestClient.connect(server.wsUrl)
    await client.expectNothingElse()
    await client.close()
  })

  it('answers a plain GET on /signal with 426 instead of the app', async () => {
    server = await startTestServer({ distDir: fixture.distDir })
    expect((await raw(server, '/signal')).status).toBe(426)
  })
})

describe('/config.json', () => {
  it('defaults to same-origin signaling and no ICE servers', async () => {
    server = await startTestServer({ distDir: fixture.distDir })
    const reply = await raw(server, '/config.json')
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toBe('application/json')
    expect(reply.headers['cache-control']).toBe('no-store')
    expect(JSON.parse(reply.body)).toEqual({ signaling: [], iceServers: [], portalSalt: server.portalSalt })
  })

  it('reflects SIGNALING_URLS and ICE_SERVERS from the environment', async () => {
    const iceServers = [{ urls: 'stun:stun.example.org:3478' }, { urls: ['stun:a.example.org', 'stun:b.example.org:3478'] }]
    server = await startTestServer({
      distDir: fixture.distDir,
      env: { SIGNALING_URLS: ' wss://a.example.org/signal, ws://b.example.org:4444 ,', ICE_SERVERS: JSON.stringify(iceServers) },
    })
    const reply = await raw(server, '/config.json?v=1')
    expect(JSON.parse(reply.body)).toMatchObject({ signaling: ['wss://a.example.org/signal', 'ws://b.example.org:4444'], iceServers })
  })

  it('refuses to start on a bad environment, naming the variable', async () => {
    const bad: Record<string, string>[] = [
      { SIGNALING_URLS: 'https://a.example.org' },
      { SIGNALING_URLS: 'not a url' },
      { ICE_SERVERS: '{"urls":"stun:x"}' },
      { ICE_SERVERS: '[{"urls":"http://x"}]' },
      { ICE_SERVERS: '[{"urls":"turn:x","credential":5}]' },
      { ICE_SERVERS: '[{"urls":"turn:x","username":"u","credential":"p"}]' },
      { TURN_SECRET: 'a-long-enough-shared-secret' },
      { TURN_URLS: 'turn:turn.example.org:3478' },
      { TURN_SECRET: 'short', TURN_URLS: 'turn:turn.example.org:3478' },
      { TURN_TTL_SECONDS: '5', TURN_SECRET: 'a-long-enough-shared-secret', TURN_URLS: 'turn:turn.example.org:3478' },
      { TURN_URLS: 'http://x', TURN_SECRET: 'a-long-enough-shared-secret' },
      { TRUSTED_PROXIES: '10.0.0.300' },
      { TRUSTED_PROXIES: '10.0.0.0/33' },
      { ALLOWED_ORIGINS: 'https://app.example.org/path' },
      { PORTAL_SALT: 'too-short' },
      { MAX_TOTAL_BUFFERED_BYTES: '12' },
      { ICE_SERVERS: '[oops' },
      { PORT: '80x' },
      { PORT: '70000' },
      { MAX_CONNECTIONS: '0' },
      { TRUST_PROXY: 'maybe' },
    ]
    for (const env of bad) {
      const name = Object.keys(env)[0] ?? ''
      const attempt = startTestServer({ distDir: fixture.distDir, env })
      await expect(attempt, name).rejects.toBeInstanceOf(ConfigError)
      await expect(attempt, name).rejects.toThrow(name)
    }
    server = await startTestServer({ distDir: fixture.distDir })
  })
})
