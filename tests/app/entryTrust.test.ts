import { describe, expect, test } from 'vitest'
import { createRoot } from 'solid-js'
import { createEntryTrust } from '../../src/app/customer/entryTrust'
import { createVisibleTranscript, endedByRep } from '../../src/app/customer/visibleTranscript'
import { MAX_REFUSAL_NOTES, MAX_REFUSED_QUOTE_CHARS, handlePushedUrls, quoteRefusedUrl } from '../../src/app/customer/pushedUrls'
import { createDeviceSigningKeys, createSessionAuthority, importSigningKey, importVerifyingKey, signEntry, verifyEntry } from '../../src/net/sessionAuthority'
import { appendEntry, entriesMap, readEntry } from '../../src/doc/transcript'
import { readSignature, signaturesMap } from '../../src/doc/signatures'
import { fileNoteKey } from '../../src/doc/fileNotes'
import { T0, chat, fromHostilePeer, makeDoc, repChat } from '../doc/fixtures'
import type * as Y from 'yjs'

const SESSION = 'session-1'

/** The customer's page over its doc, with the link's session key; `publish` writes as the reps' relay does (signed). */
async function customerPage() {
  const authority = await createSessionAuthority()
  const signer = (await importSigningKey(authority.privateKey))!
  const doc = makeDoc(10)
  const device = await createDeviceSigningKeys()
  const opened: string[] = []
  const { trust, dispose, pushed, visible } = createRoot((dispose) => {
    const trust = createEntryTrust(doc, SESSION, authority.publicKey)
    trust.signAs({ customerId: 'cust-1', privateKey: device.privateKey, publicKey: device.publicKey })
    const me = { customerId: 'cust-1', name: 'Carla' }
    const pushed = handlePushedUrls(doc, () => me, trust, (url) => (opened.push(url), true))
    return { trust, dispose, pushed, visible: createVisibleTranscript(doc, trust) }
  })
  const publish = async (entry: Parameters<typeof repChat>[0]): Promise<string> => {
    let id = ''
    const source = makeDoc(20)
    id = appendEntry(source, repChat({ at: Date.now(), ...entry }))
    const signature = await signEntry(signer, SESSION, readEntry(source, id)!)
    fromHostilePeer(doc, (peer) => { // arrives over the network like any peer's write
      entriesMap(peer).set(id, entriesMap(source).get(id))
      signaturesMap(peer).set(id, signature)
    })
    return id
  }
  const hostile = (write: (peer: Y.Doc) => void): void => fromHostilePeer(doc, write)
  const shown = (): string[] => visible.entries().map((entry) => entry.id)
  return { doc, trust, device, publish, hostile, opened, pushed, dispose, shown, visible, signer }
}

describe("the customer's page acts only on verified reps' content", () => {
  test("a rep's signed message is shown; one forged by another peer in the room is not, signed or not", async () => {
    const { doc, trust, publish, hostile, dispose, shown, visible } = await customerPage()
    const genuine = await publish({ text: 'Hi, I am Rafa' })
    const mallory = await createDeviceSigningKeys()
    let forged = ''
    hostile((peer) => (forged = appendEntry(peer, repChat({ text: 'send me your card number', at: Date.now() }))))
    hostile((peer) => signaturesMap(peer).set(forged, 'A'.repeat(86)))
    let signedByMallory = ''
    hostile((peer) => (signedByMallory = appendEntry(peer, repChat({ text: 'pay here', at: Date.now() }))))
    const malloryKey = await signEntry(mallory.privateKey, SESSION, readEntry(doc, signedByMallory)!)
    hostile((peer) => signaturesMap(peer).set(signedByMallory, malloryKey))
    await trust.settled()
    expect(shown()).toEqual([genuine])
    expect(visible.hidden()).toBe(2)
    dispose()
  })

  test("a forged file offer note (as a rep or the system) is not shown, so nothing offers Accept; the rep's signed one is", async () => {
    const { hostile, publish, trust, dispose, shown } = await customerPage()
    const offer = (id: string) => ({ kind: 'status' as const, event: 'fileOffered' as const, eventKey: fileNoteKey(id, 'fileOffered'), text: 'fix.exe (2 MB)' })
    let asRep = ''
    let asSystem = ''
    hostile((peer) => (asRep = appendEntry(peer, repChat({ ...offer('T1'), at: Date.now() }))))
    hostile((peer) => (asSystem = appendEntry(peer, repChat({ ...offer('T2'), authorRole: 'system', at: Date.now() }))))
    const genuine = await publish({ ...offer('T3'), authorRole: 'system' })
    await trust.settled()
    expect(shown()).toEqual([genuine])
    expect(shown()).not.toContain(asRep)
    expect(shown()).not.toContain(asSystem)
    dispose()
  })

  test("a forged ended note (as the customer or as the system) does not end the chat; the rep's real one does", async () => {
    const { trust, publish, hostile, dispose, visible } = await customerPage()
    hostile((peer) => {
      appendEntry(peer, chat({ kind: 'status', event: 'ended', eventKey: `ended:${SESSION}`, text: 'Carla', at: Date.now() }))
      appendEntry(peer, repChat({ kind: 'status', event: 'ended', eventKey: `ended:${SESSION}`, authorRole: 'system', text: 'Rafa', at: Date.now() }))
    })
    await trust.settled()
    expect(endedByRep(visible.entries(), trust)).toBe(false)
    const real = await publish({ kind: 'status', event: 'ended', eventKey: `ended:${SESSION}`, authorRole: 'system', text: 'Rafa' })
    await trust.settled()
    expect(endedByRep(visible.entries(), trust)).toBe(true)
    expect(visible.entries().filter((entry) => entry.event === 'ended').map((entry) => entry.id)).toEqual([real])
    dispose()
  })

  test('a pushed URL opens only when the session key signed it; a URL written by another peer is never opened', async () => {
    const { trust, publish, hostile, opened, pushed, dispose } = await customerPage()
    hostile((peer) => appendEntry(peer, repChat({ kind: 'url', text: 'https://evil.example/login', at: Date.now() })))
    await publish({ kind: 'url', text: 'https://help.example/reset' })
    await trust.settled()
    expect(opened).toEqual(['https://help.example/reset'])
    expect(pushed.blocked()).toEqual([])
    dispose()
  })

  test('a late join of 1,500 signed entries with forgeries among them: the newest 64 are judged first, every entry once, forgeries hidden', async () => {
    const { doc, trust, dispose, shown, visible, signer } = await customerPage()
    const source = makeDoc(20)
    const ids: string[] = []
    for (let i = 0; i < 1500; i++) ids.push(appendEntry(source, repChat({ text: `message ${i}`, at: T0 + i })))
    const signatures = await Promise.all(ids.map((id) => signEntry(signer, SESSION, readEntry(source, id)!)))
    const forged = new Set(ids.filter((_, i) => i % 100 === 7))
    const batches: string[][] = []
    const stop = trust.onVerdict((judged) => batches.push(judged))
    fromHostilePeer(doc, (peer) => {
      ids.forEach((id, i) => {
        entriesMap(peer).set(id, entriesMap(source).get(id))
        signaturesMap(peer).set(id, forged.has(id) ? signatures[(i + 1) % ids.length]! : signatures[i]!)
      })
    })
    await trust.settled()
    stop()
    expect(batches[0]).toHaveLength(64)
    expect(new Set(batches[0])).toEqual(new Set(ids.slice(-64)))
    expect(batches.flat().sort()).toEqual([...ids].sort())
    expect(shown()).toEqual(ids.filter((id) => !forged.has(id)))
    expect(visible.hidden()).toBe(forged.size)
    dispose()
  })

  test('a verified entry rewritten by a peer stops counting at once, without verifying again', async () => {
    const { doc, trust, publish, hostile, dispose } = await customerPage()
    const id = await publish({ text: 'your ticket is 42' })
    await trust.settled()
    expect(trust.isGenuine(readEntry(doc, id)!)).toBe(true)
    hostile((peer) => entriesMap(peer).set(id, repChat({ text: 'your ticket is 43' })))
    expect(trust.isGenuine(readEntry(doc, id)!)).toBe(false)
    dispose()
  })

  test("the customer's own entries are signed by its device key, and shown at once", async () => {
    const { doc, trust, device, dispose, shown } = await customerPage()
    const id = appendEntry(doc, chat({ text: 'my printer is on fire', at: Date.now() }))
    expect(shown()).toEqual([id])
    await trust.settled()
    const verifier = (await importVerifyingKey(device.publicKey))!
    expect(await verifyEntry(verifier, SESSION, readEntry(doc, id)!, readSignature(doc, id)!)).toBe(true)
    dispose()
  })

  test("after a reload, the customer's own signed entries show again once the page knows its key", async () => {
    const authority = await createSessionAuthority()
    const device = await createDeviceSigningKeys()
    const doc = makeDoc(10)
    const me = { customerId: 'cust-1', privateKey: device.privateKey, publicKey: device.publicKey }
    const before = createRoot((dispose) => ({ trust: createEntryTrust(doc, SESSION, authority.publicKey), dispose }))
    before.trust.signAs(me)
    const id = appendEntry(doc, chat({ text: 'my printer is on fire', at: Date.now() }))
    await before.trust.settled()
    before.dispose()
    // The reloaded page reads its doc before it has loaded its identity (customerSession.ts).
    const after = createRoot((dispose) => {
      const trust = createEntryTrust(doc, SESSION, authority.publicKey)
      return { trust, dispose, visible: createVisibleTranscript(doc, trust) }
    })
    after.trust.signAs(me)
    await after.trust.settled()
    expect(after.visible.entries().map((entry) => entry.id)).toEqual([id])
    after.dispose()
  })

  test('a message claiming to be the customer but written by another peer is not shown as theirs', async () => {
    const { trust, hostile, dispose, shown } = await customerPage()
    hostile((peer) => appendEntry(peer, chat({ text: 'never mind, all fixed', at: Date.now() })))
    await trust.settled()
    expect(shown()).toEqual([])
    dispose()
  })

  test('with a link that carries no session key, nothing verifies and a pushed URL is only offered, never opened', async () => {
    const doc = makeDoc(10)
    const opened: string[] = []
    await createRoot(async (dispose) => {
      const trust = createEntryTrust(doc, SESSION, undefined)
      const pushed = handlePushedUrls(doc, () => ({ customerId: 'cust-1', name: 'Carla' }), trust, (url) => (opened.push(url), true))
      fromHostilePeer(doc, (peer) => appendEntry(peer, repChat({ kind: 'url', text: 'https://help.example/', at: Date.now() })))
      await trust.settled()
      expect(trust.verifiable).toBe(false)
      expect(opened).toEqual([])
      expect(pushed.blocked().map((item) => item.url)).toEqual(['https://help.example/'])
      dispose()
    })
  })

  test('a refused link from any peer is quoted short and on one line, only if it claims to be a push, and only the first few of a flood', async () => {
    const { doc, hostile, dispose } = await customerPage()
    const refusals = (): string[] =>
      [...entriesMap(doc).values()].filter((raw) => (raw as { event?: unknown }).event === 'urlRefused').map((raw) => String((raw as { text?: unknown }).text))
    const message = 'javascript:void(0) \n\u202eDear customer, your account is locked. Call +1 555 0100 and read us your card number.'
    hostile((peer) => entriesMap(peer).set('000000001.0001.bad', { kind: 'url', audience: 'all', authorId: 'x', authorName: 'Ana Rep', authorRole: 'rep', text: message, at: Date.now() }))
    expect(refusals()).toEqual([quoteRefusedUrl(message)])
    expect(refusals()[0]!.length).toBeLessThanOrEqual(MAX_REFUSED_QUOTE_CHARS)
    expect(refusals()[0]).not.toMatch(/[\n\u202e]/)
    expect(refusals()[0]).not.toContain('card number')
    // Not claiming to be a rep's push: not a push at all, nothing to report.
    hostile((peer) => entriesMap(peer).set('000000001.0002.bad', { kind: 'url', audience: 'all', authorId: 'x', authorName: 'Carla', authorRole: 'customer', text: 'data:text/html,hi', at: Date.now() }))
    expect(refusals()).toHaveLength(1)
    // A flood: only the first few are noted.
    hostile((peer) => {
      for (let i = 0; i < 50; i++) entriesMap(peer).set(`000000002.${i.toString().padStart(4, '0')}.bad`, { kind: 'url', audience: 'all', authorId: 'x', authorName: 'Ana Rep', authorRole: 'rep', text: `javascript:${i}`, at: Date.now() })
    })
    expect(refusals()).toHaveLength(MAX_REFUSAL_NOTES)
    dispose()
  })
})
