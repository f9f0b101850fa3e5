/** Issue 18: `/signal` refuses pages of other sites, so no web page can use its visitors' browsers against the relay. */
import { afterEach, describe, expect, it } from 'vitest'
import { refusedStatus, startTestServer, TestClient, type TestServer } from './helpers.ts'

let server: TestServer
afterEach(async () => {
  await server.close()
})

const from = (origin: string) => ({ origin })

async function accepted(origin?: string): Promise<boolean> {
  const client = await TestClient.connect(server.wsUrl, origin === undefined ? {} : from(origin))
  await client.expectNothingElse()
  await client.close()
  return true
}

describe('Origin allow-list for /signal', () => {
  it('refuses a page from another site with 403, and any other origin not listed', async () => {
    server = await startTestServer()
    expect(await refusedStatus(server.wsUrl, from('https://evil.example'))).toBe(403)
    expect(await refusedStatus(server.wsUrl, from('null'))).toBe(403)
    expect(await refusedStatus(server.wsUrl, from('http://127.0.0.1.evil.example'))).toBe(403)
  })

  it("accepts the app's own host (any port: a second relay on the same host), and origins in ALLOWED_ORIGINS", async () => {
    server = await startTestServer({ env: { ALLOWED_ORIGINS: 'https://app.example.org, http://localhost:5173' } })
    expect(await accepted(`http://127.0.0.1:${server.port}`)).toBe(true)
    expect(await accepted('http://127.0.0.1:4444')).toBe(true)
    expect(await accepted('https://app.example.org')).toBe(true)
    expect(await accepted('http://localhost:5173')).toBe(true)
    expect(await refusedStatus(server.wsUrl, from('https://app.example.org:8443'))).toBe(403)
    expect(await refusedStatus(server.wsUrl, from('http://localhost:5174'))).toBe(403)
  })

  it('accepts a client that sends no Origin (not a web page; it could send any Origin it liked)', async () => {
    server = await startTestServer()
    expect(await accepted()).toBe(true)
  })
})
