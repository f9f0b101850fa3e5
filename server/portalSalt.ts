/**
 * The deployment's portal salt (issue 17, "Codes"): session codes are short,
 * so the portal room is PBKDF2(code, salt); with a salt of its own, a table of
 * every code's room precomputed for one deployment is useless for another.
 * `PORTAL_SALT` sets it (required to be equal on every node behind one app);
 * otherwise one is generated on first start and kept in `<DATA_DIR>/portal-salt`,
 * so codes keep working across restarts.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ConfigError, type Env } from './runtimeConfig.ts'

/** 128 bits, like every other room secret; shorter is easier to guess and pointless. */
const MIN_SALT_LENGTH = 16
/** 192 random bits, base64url: 32 characters. */
const GENERATED_SALT_BYTES = 24
/** The file under DATA_DIR that keeps a generated salt. */
export const PORTAL_SALT_FILE = 'portal-salt'

/** `PORTAL_SALT`, else the salt kept in `<dataDir>/portal-salt` (created with a random one when missing); throws `ConfigError`. */
export function resolvePortalSalt(env: Env, dataDir: string): string {
  const configured = env.PORTAL_SALT?.trim() ?? ''
  if (configured !== '') return checked(configured, 'PORTAL_SALT')
  const file = path.join(dataDir, PORTAL_SALT_FILE)
  const existing = readIfPresent(file)
  if (existing !== undefined) return checked(existing, file)
  mkdirSync(dataDir, { recursive: true })
  const salt = randomBytes(GENERATED_SALT_BYTES).toString('base64url')
  try {
    // `wx`: if another node sharing this folder wrote one first, use theirs.
    writeFileSync(file, `${salt}\n`, { flag: 'wx', mode: 0o600 })
    return salt
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return checked(readIfPresent(file) ?? '', file)
    throw new ConfigError(`DATA_DIR: cannot write ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}); set PORTAL_SALT or a writable DATA_DIR`)
  }
}

function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim()
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new ConfigError(`DATA_DIR: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`)
  }
}

function checked(salt: string, source: string): string {
  if (salt.length < MIN_SALT_LENGTH || !/^[\x21-\x7e]+$/.test(salt)) {
    throw new ConfigError(`PORTAL_SALT (${source}): use at least ${MIN_SALT_LENGTH} printable characters (e.g. openssl rand -base64 24)`)
  }
  return salt
}
