/** Issue 17 ("Codes"): each deployment serves its own portal salt, stable across restarts, so no code table is shared. */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { PORTAL_SALT_FILE, resolvePortalSalt } from '../../server/portalSalt.ts'
import { ConfigError } from '../../server/runtimeConfig.ts'
import { startTestServer } from './helpers.ts'

const dirs: string[] = []
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'asiste-salt-'))
  dirs.push(dir)
  return dir
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

describe('portal salt', () => {
  it('/config.json serves PORTAL_SALT when set', async () => {
    const server = await startTestServer({ env: { PORTAL_SALT: 'deployment-salt-0123456789' }, dataDir: await freshDir() })
    try {
      const config = (await (await fetch(`http://127.0.0.1:${server.port}/config.json`)).json()) as { portalSalt?: string }
      expect(config.portalSalt).toBe('deployment-salt-0123456789')
    } finally {
      await server.close()
    }
  })

  it('without PORTAL_SALT, a random salt is generated once, kept in DATA_DIR, and reused after a restart', async () => {
    const dir = await freshDir()
    const first = resolvePortalSalt({}, dir)
    expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect((await readFile(path.join(dir, PORTAL_SALT_FILE), 'utf8')).trim()).toBe(first)
    expect(resolvePortalSalt({}, dir)).toBe(first)
    // Another deployment (another data folder) gets another salt.
    expect(resolvePortalSalt({}, await freshDir())).not.toBe(first)
  })

  it('a short PORTAL_SALT refuses to start', () => {
    expect(() => resolvePortalSalt({ PORTAL_SALT: 'short' }, '/nonexistent')).toThrow(ConfigError)
  })
})
