import { expect, test, vi } from 'vitest'
import { createSystemFacts, type SystemInfoChunk } from '../../src/app/customer/lazySystemInfo'

/** A stand-in for systemInfo.ts: names the OS and browser, and reads facts that include the names it got. */
function fakeChunk(): SystemInfoChunk {
  return {
    readOsAndBrowser: vi.fn(() => Promise.resolve({ os: 'Windows 11', browser: 'Chrome 126' })),
    readSystemInfo: vi.fn((_env: unknown, named?: { os: string; browser: string }) => ({ os: named?.os ?? 'Unknown', browser: named?.browser ?? 'Unknown', language: 'es-ES' })),
  } as unknown as SystemInfoChunk
}

test('nothing is fetched until the facts are read; then the reader is fetched once and names OS and browser once', async () => {
  const chunk = fakeChunk()
  const fetch = vi.fn(() => Promise.resolve(chunk))
  const facts = createSystemFacts(fetch)
  expect(fetch).not.toHaveBeenCalled()
  const [first, second] = await Promise.all([facts.read(), facts.read()])
  expect(first).toEqual({ os: 'Windows 11', browser: 'Chrome 126', language: 'es-ES' })
  expect(second).toEqual(first)
  await facts.read()
  expect(fetch).toHaveBeenCalledTimes(1)
  expect(chunk.readOsAndBrowser).toHaveBeenCalledTimes(1)
  expect(chunk.readSystemInfo).toHaveBeenCalledTimes(3) // read as they are at each send, not frozen at the first
})

test('a failed fetch (offline before the chunk was cached) is tried again by the next read, and the facts then arrive', async () => {
  const chunk = fakeChunk()
  const fetch = vi.fn<() => Promise<SystemInfoChunk>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(chunk)
  const facts = createSystemFacts(fetch)
  await expect(facts.read()).rejects.toThrow('offline')
  await expect(facts.read()).resolves.toEqual({ os: 'Windows 11', browser: 'Chrome 126', language: 'es-ES' })
  expect(fetch).toHaveBeenCalledTimes(2)
})
