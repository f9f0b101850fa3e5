// @vitest-environment happy-dom
// Where the rep console opens a stored session, the schema is checked first: an
// older copy is migrated without losing an entry, a newer one is not opened for
// writing (the translated message says why; History still reads it).
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openRepSession, type OpenContext } from '../../src/app/session/repSession'
import { docDatabaseName, persistDoc } from '../../src/store/persistDoc'
import type { RepProfile } from '../../src/store/profile'
import { checkSchema, readDocKind } from '../../src/doc/migrations'
import { SCHEMA_VERSION } from '../../src/doc/schema'
import { readTranscript } from '../../src/doc/transcript'
import { t } from '../../src/i18n/i18n'
import { makeFakeHub } from './fakeHub'

const team = { teamId: 'team-1', secret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ', name: 'Support' }
const profile = { repId: 'rep-Ana', name: 'Ana', teams: [team], deviceKeys: {} as CryptoKeyPair } satisfies RepProfile

function context(): OpenContext {
  return { profile, team, hub: makeFakeHub(), onCustomerJoined: () => undefined }
}

/** Stores a rep doc whose meta says `version`, written raw as that build would have (no `kind` before v2). */
async function storeRepDoc(sessionId: string, version: number): Promise<void> {
  const doc = new Y.Doc()
  const store = await persistDoc(doc, docDatabaseName('rep', sessionId))
  doc.transact(() => {
    const meta = doc.getMap<unknown>('meta')
    meta.set('schemaVersion', version)
    meta.set('sessionId', sessionId)
    meta.set('createdAt', 1_764_680_400_000)
    meta.set('portal', 'link')
    meta.set('customerKey', 'q3Jx8w2Lr0-Zk_5yVt9bN1')
    meta.set('state', 'open')
    doc.getMap('entries').set('0miol5b40.0000.12sk1f9', { kind: 'chat', audience: 'reps', authorId: 'rep-Ana', authorName: 'Ana', authorRole: 'rep', text: 'kept', at: 1_764_680_400_000 })
  })
  await store.close()
  doc.destroy()
}

describe('opening a stored session checks its schema version', () => {
  it('migrates a version 1 rep doc to the current version, every entry kept', async () => {
    await storeRepDoc('OldV1-sess', 1)
    const session = await openRepSession(context(), 'OldV1-sess')
    expect(checkSchema(session.repDoc)).toEqual({ status: 'current', version: SCHEMA_VERSION })
    expect(readDocKind(session.repDoc)).toBe('rep')
    expect(readTranscript(session.repDoc).map((entry) => entry.text)).toEqual(['kept'])
    await session.close()
  })

  it('does not open a newer rep doc for writing, and says so in words', async () => {
    await storeRepDoc('NewV9-sess', SCHEMA_VERSION + 7)
    await expect(openRepSession(context(), 'NewV9-sess')).rejects.toThrow(t('session.newerVersion'))
    expect(t('session.newerVersion')).toMatch(/newer version of Asiste/)
  })

  it('a newer schemaVersion a link holder left in the stored customer doc does not stop the rep opening the session or joining its customer room', async () => {
    await storeRepDoc('Forged-sess', SCHEMA_VERSION)
    const customer = new Y.Doc()
    const store = await persistDoc(customer, docDatabaseName('customer', 'Forged-sess'))
    customer.getMap<unknown>('meta').set('schemaVersion', SCHEMA_VERSION + 90)
    await store.close()
    customer.destroy()
    const session = await openRepSession(context(), 'Forged-sess')
    await expect.poll(() => session.customer() !== undefined).toBe(true)
    await session.close()
  })
})
