// Screen and credential requests in the customer doc: any peer can write there, so reads validate.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { latestScreenRequest, requestScreen, requestsMap, setScreenState } from '../../src/doc/screenRequests'
import { credentialsMap, putCredentialRequest, readCredentialRequests } from '../../src/doc/credentialRequests'

describe('screen requests', () => {
  it('the newest request wins and its state moves as the customer answers', () => {
    const doc = new Y.Doc()
    requestScreen(doc, 'r1', { repId: 'rep-1', repName: 'Ana' }, 1_000)
    requestScreen(doc, 'r2', { repId: 'rep-1', repName: 'Ana' }, 2_000)
    const latest = latestScreenRequest(doc)
    expect(latest).toMatchObject({ id: 'r2', state: 'pending' })
    if (latest) setScreenState(doc, latest, 'sharing')
    expect(latestScreenRequest(doc)?.state).toBe('sharing')
  })

  it('ignores records that do not fit the schema', () => {
    const doc = new Y.Doc()
    requestsMap(doc).set('bad1', { kind: 'screen', repId: 'rep 1', repName: 'A', at: 5_000, state: 'pending' })
    requestsMap(doc).set('bad2', { kind: 'screen', repId: 'rep-1', repName: 'A', at: 5_000, state: 'hacked' })
    requestsMap(doc).set('bad3', 'not a record')
    expect(latestScreenRequest(doc)).toBeUndefined()
  })
})

describe('credential requests', () => {
  const publicKey = { x: 'a'.repeat(43), y: 'b'.repeat(43) }

  it('round-trips a request and drops the sealed part once erased', () => {
    const doc = new Y.Doc()
    const request = { id: 'c1', repId: 'rep-1', repName: 'Ana', at: 1, state: 'provided' as const, publicKey, sealed: { epk: publicKey, iv: 'aaaa', ct: 'bbbb' } }
    putCredentialRequest(doc, request)
    expect(readCredentialRequests(doc)).toEqual([request])
    putCredentialRequest(doc, { ...request, sealed: undefined })
    expect(readCredentialRequests(doc)[0]?.sealed).toBeUndefined()
  })

  it('rejects a request without a valid public key or with a malformed sealed answer', () => {
    const doc = new Y.Doc()
    credentialsMap(doc).set('c1', { repId: 'rep-1', repName: 'Ana', at: 1, state: 'pending', publicKey: { x: 'not base64url!', y: 'b' } })
    credentialsMap(doc).set('c2', { repId: 'rep-1', repName: 'Ana', at: 1, state: 'provided', publicKey, sealed: { iv: 'a', ct: 'b' } })
    expect(readCredentialRequests(doc)).toEqual([])
  })
})
