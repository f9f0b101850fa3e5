import { afterEach, describe, expect, test, vi } from 'vitest'
import { findTampering, intakeTampering, receiptTampering, type Tampering } from '../../src/doc/tamper'
import { bindTestCustomer, mirrorCustomerEntries, publishRepEntries, restoreRemovedEntries, signAsCustomer } from './relayHarness'
import { relayDocs } from '../../src/app/session/relayDocs'
import { TAMPER_GRACE_MS, TAMPER_SCAN_SLICE, watchTampering } from '../../src/app/session/tamperWatch'
import { unverifiedPeers, unverifiedReps } from '../../src/app/session/unverifiedPeers'
import { TAMPER_RETRY_MS, watchTamperingWhenWritten } from '../../src/app/session/lazyTamperWatch'
import { appendEntry, entriesMap, readEntry, readTranscript } from '../../src/doc/transcript'
import { putAttendee } from '../../src/doc/attendees'
import { ROOT } from '../../src/doc/schema'
import { T0, chat, fromHostilePeer, makeDoc, repChat, syncInto } from './fixtures'
import { initRepDoc } from '../../src/doc/session'
import { markReceipt } from '../../src/doc/receipts'

function session() {
  const customerDoc = makeDoc(10)
  const repDoc = makeDoc(20)
  initRepDoc(repDoc, { sessionId: 'session-1', createdAt: T0, portal: 'link', customerKey: 'k'.repeat(43) })
  bindTestCustomer(customerDoc, repDoc)
  const repId = appendEntry(repDoc, repChat({ text: 'Hi, I am Rafa' }))
  const customerId = appendEntry(customerDoc, chat({ text: 'my printer is on fire' }))
  signAsCustomer(customerDoc, [customerId])
  mirrorCustomerEntries(customerDoc, repDoc)
  publishRepEntries(repDoc, customerDoc)
  return { customerDoc, repDoc, repId, customerId }
}

describe('findTampering', () => {
  test('finds nothing when the customer doc agrees with the record', () => {
    const { customerDoc, repDoc } = session()
    expect(findTampering(customerDoc, repDoc)).toEqual([])
  })

  test('flags an entry claiming a rep as author that the record does not hold, as it claims to be', () => {
    const { customerDoc, repDoc } = session()
    let forgedId = ''
    fromHostilePeer(customerDoc, (peer) => (forgedId = appendEntry(peer, repChat({ text: 'your refund is approved' }))))
    expect(findTampering(customerDoc, repDoc)).toEqual<Tampering[]>([
      { id: forgedId, kind: 'forged', claimedName: 'Rafa', claimedRole: 'rep', text: 'your refund is approved' },
    ])
    expect(readEntry(repDoc, forgedId)).toBeUndefined()
  })

  test('flags rewritten copies of both a rep entry and a customer entry as altered; the record keeps the originals', () => {
    const { customerDoc, repDoc, repId, customerId } = session()
    fromHostilePeer(customerDoc, (peer) => {
      entriesMap(peer).set(repId, { ...repChat({ text: 'send me your password' }) })
      entriesMap(peer).set(customerId, { ...chat({ text: 'never mind' }) })
    })
    expect(findTampering(customerDoc, repDoc).map((t) => [t.id, t.kind, t.text])).toEqual(
      [[repId, 'altered', 'send me your password'], [customerId, 'altered', 'never mind']].sort(),
    )
    expect(readEntry(repDoc, repId)?.text).toBe('Hi, I am Rafa')
    expect(readEntry(repDoc, customerId)?.text).toBe('my printer is on fire')
  })

  test('ignores invalid values', () => {
    const { customerDoc, repDoc } = session()
    fromHostilePeer(customerDoc, (peer) => peer.getMap(ROOT.entries).set('000000001.0000.x', { ...repChat(), text: 7 }))
    expect(findTampering(customerDoc, repDoc)).toEqual([])
  })

  test('lists what the relay refused from the customer side, with why and who it claims to be', () => {
    const { customerDoc, repDoc } = session()
    const ids: Record<string, string> = {}
    fromHostilePeer(customerDoc, (peer) => {
      ids.impersonation = appendEntry(peer, chat({ authorId: 'rep-1', authorName: 'Rafa', text: 'your refund is approved' }))
      ids.foreignEvent = appendEntry(peer, chat({ kind: 'status', event: 'ended', eventKey: 'ended:session-1', text: 'Carla' }))
      ids.unsigned = appendEntry(peer, chat({ text: 'I never said this' }))
      ids.badTime = '000000001.0000.x'
      peer.getMap(ROOT.entries).set(ids.badTime, chat({ text: 'first of all' }))
    })
    const found = findTampering(customerDoc, repDoc, undefined, Date.now())
    expect(Object.fromEntries(found.map((t) => [t.kind, [t.id, t.claimedName, t.text]]))).toEqual({
      impersonation: [ids.impersonation, 'Rafa', 'your refund is approved'],
      foreignEvent: [ids.foreignEvent, 'Carla', 'Carla'],
      unsigned: [ids.unsigned, 'Carla', 'I never said this'],
      badTime: [ids.badTime, 'Carla', 'first of all'],
    })
  })

  test('an intake rewritten after binding and a receipt for ids that do not exist are listed', () => {
    const { customerDoc, repDoc } = session()
    expect(intakeTampering(customerDoc, repDoc)).toBeUndefined()
    expect(receiptTampering(customerDoc, repDoc)).toEqual([])
    fromHostilePeer(customerDoc, (peer) => {
      peer.getMap(ROOT.intake).set('customerName', 'Mallory')
      peer.getMap('receipts').set('cust-1', { role: 'customer', seen: 'zzzzzzzzz.zzzzzzzz.z' })
    })
    expect(intakeTampering(customerDoc, repDoc)).toMatchObject({ kind: 'intake', claimedName: 'Mallory' })
    expect(receiptTampering(customerDoc, repDoc)).toMatchObject([{ kind: 'receipt', claimedName: 'cust-1', text: 'zzzzzzzzz.zzzzzzzz.z' }])
  })
})

describe('refused receipts', () => {
  test("the bound customer's receipt for an existing entry that the record did not take (no valid signature) is listed; once copied it is not", () => {
    const { customerDoc, repDoc } = session()
    const id = appendEntry(repDoc, repChat({ text: 'a later message' }))
    fromHostilePeer(customerDoc, (peer) => peer.getMap('receipts').set('cust-1', { role: 'customer', delivered: id, seen: id }))
    expect(receiptTampering(customerDoc, repDoc)).toMatchObject([{ kind: 'receipt', claimedName: 'cust-1', text: id }])
    markReceipt(repDoc, { participantId: 'cust-1', role: 'customer', delivered: id, seen: id })
    expect(receiptTampering(customerDoc, repDoc)).toEqual([])
  })
})

describe("forged reps' receipts", () => {
  test("a rep receipt for someone who is no rep of the record is listed; a recorded rep's is not", () => {
    const { customerDoc, repDoc, customerId } = session()
    putAttendee(repDoc, { id: 'rep-1', name: 'Rafa', role: 'rep', hidden: false })
    fromHostilePeer(customerDoc, (peer) => {
      peer.getMap('receipts').set('rep-1', { role: 'rep', delivered: customerId })
      peer.getMap('receipts').set('forged-rep', { role: 'rep', delivered: customerId, seen: customerId })
    })
    expect(receiptTampering(customerDoc, repDoc)).toMatchObject([{ kind: 'receipt', claimedName: 'forged-rep', claimedRole: 'rep', text: customerId }])
  })
})

describe('restoreRemovedEntries', () => {
  test("puts back reps' and the customer's entries a peer deleted from the customer doc, but never a hidden rep's", () => {
    const { customerDoc, repDoc, repId, customerId } = session()
    putAttendee(repDoc, { id: 'rep-2', name: 'Hidden', role: 'rep', hidden: true })
    const hiddenId = appendEntry(repDoc, repChat({ authorId: 'rep-2', authorName: 'Hidden', text: 'psst' }))
    fromHostilePeer(customerDoc, (peer) => {
      entriesMap(peer).delete(repId)
      entriesMap(peer).delete(customerId)
    })
    expect(readTranscript(customerDoc)).toEqual([])
    expect(restoreRemovedEntries(repDoc, customerDoc, [repId, customerId, hiddenId])).toBe(2)
    expect(readTranscript(customerDoc).map((entry) => entry.text).sort()).toEqual(['Hi, I am Rafa', 'my printer is on fire'])
  })

  test('the running relay restores deletions as they arrive, and the record never changes', async () => {
    const { customerDoc, repDoc, repId } = session()
    const before = readTranscript(repDoc)
    const relay = relayDocs(customerDoc, repDoc, () => {})
    const hostile = makeDoc(99)
    syncInto(customerDoc, hostile)
    entriesMap(hostile).delete(repId)
    entriesMap(hostile).set(repId.replace(/\.\w+$/, '.zz'), repChat({ text: 'forged' }))
    syncInto(hostile, customerDoc)
    await relay.settled()
    relay()
    expect(readEntry(customerDoc, repId)?.text).toBe('Hi, I am Rafa')
    expect(readTranscript(repDoc)).toEqual(before)
  })
})

describe('watchTampering', () => {
  afterEach(() => vi.useRealTimers())

  test('flags a forgery only after the grace period, and unflags it when the record turns out to hold it', async () => {
    vi.useFakeTimers()
    const { customerDoc, repDoc } = session()
    const seen: Tampering[][] = []
    const stop = watchTampering(customerDoc, repDoc, (list) => seen.push(list), 1_000)
    // A few ids are judged in a microtask, after the transaction that wrote them (its update leaves first).
    const judged = (): Promise<void> => Promise.resolve()
    // A team mate's entry that reached the customer doc before the rep doc: never flagged.
    const teamMate = repChat({ authorId: 'rep-2', authorName: 'Ana', text: 'hello from Ana' })
    const early = appendEntry(customerDoc, teamMate)
    await judged()
    vi.advanceTimersByTime(500)
    entriesMap(repDoc).set(early, teamMate)
    await judged()
    let forged = ''
    fromHostilePeer(customerDoc, (peer) => (forged = appendEntry(peer, repChat({ text: 'pay here' }))))
    await judged()
    vi.advanceTimersByTime(999)
    expect(seen.flat().map((t) => t.id)).toEqual([])
    vi.advanceTimersByTime(1)
    expect(seen.at(-1)?.map((t) => [t.id, t.kind])).toEqual([[forged, 'forged']])
    stop()
  })

  test("a peer's write is judged in the microtask after it; this client's own write in a task of its own, after the rep's Enter", async () => {
    const { customerDoc, repDoc } = session()
    const seen: Tampering[][] = []
    const stop = watchTampering(customerDoc, repDoc, (list) => seen.push(list), 0)
    let forged = ''
    fromHostilePeer(customerDoc, (peer) => (forged = appendEntry(peer, repChat({ text: 'pay here' }))))
    await Promise.resolve()
    expect(seen.at(-1)?.map((t) => t.id)).toEqual([forged])
    // Written here (as the relay writes its copies): not judged in the Enter's microtasks, judged a task later.
    const local = appendEntry(customerDoc, repChat({ text: 'not in the record' }))
    await Promise.resolve()
    expect(seen.at(-1)?.map((t) => t.id)).toEqual([forged])
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(seen.at(-1)?.map((t) => t.id).sort()).toEqual([forged, local].sort())
    stop()
  })

  test('a large batch (a big customer doc loading) is judged in slices, each in a task of its own after the load, each id once, all of it in the end', async () => {
    vi.useFakeTimers()
    const { customerDoc, repDoc } = session()
    const seen: Tampering[][] = []
    const stop = watchTampering(customerDoc, repDoc, (list) => seen.push(list), 0)
    const count = TAMPER_SCAN_SLICE * 2 + 10
    fromHostilePeer(customerDoc, (peer) => {
      peer.transact(() => {
        for (let i = 0; i < count; i++) appendEntry(peer, repChat({ text: `forged ${i}` }))
      })
    })
    expect(seen.flat()).toEqual([]) // nothing judged inside the transaction that brought them
    await Promise.resolve()
    expect(seen.flat()).toEqual([]) // nor in the load's task: the first slice waits for idle time
    await vi.runAllTimersAsync()
    expect(seen.map((list) => list.length).filter((length) => length > 0)).toEqual([TAMPER_SCAN_SLICE, TAMPER_SCAN_SLICE * 2, count]) // slice by slice
    expect(seen.at(-1)!.every((t) => t.kind === 'forged')).toBe(true)
    stop()
  })
})

describe('unverifiedReps', () => {
  test('keeps customer-room users claiming to be reps who are not present in the rep room', () => {
    const room = [
      { id: 'cust-1', name: 'Carla', role: 'customer' as const },
      { id: 'rep-1', name: 'Rafa', role: 'rep' as const },
      { id: 'mallory', name: 'Ana', role: 'rep' as const },
    ]
    expect(unverifiedReps(room, new Set(['rep-1'])).map((user) => user.id)).toEqual(['mallory'])
  })
})

describe('unverifiedPeers (every live peer of the customer room is accounted for)', () => {
  const rep = { id: 'rep-1', name: 'Ana', role: 'rep' as const }
  const carla = { id: 'cust-1', name: 'Carla', role: 'customer' as const }
  test('lists a silent peer, a second customer and a rep the rep room does not know; not the bound customer or a verified rep', () => {
    const peers = new Map([
      ['p-rep', { user: rep }],
      ['p-carla', { user: carla }],
      ['p-silent', { user: undefined }],
      ['p-fake-customer', { user: { id: 'cust-2', name: 'Carla', role: 'customer' as const } }],
      ['p-fake-rep', { user: { id: 'rep-9', name: 'Ana', role: 'rep' as const } }],
    ])
    expect(unverifiedPeers(peers, new Set(['rep-1']), 'cust-1')).toEqual([
      { peerId: 'p-fake-customer', claimedName: 'Carla' },
      { peerId: 'p-fake-rep', claimedName: 'Ana' },
      { peerId: 'p-silent' },
    ])
  })
  test('before anyone joined, a silent peer is a customer on the intake form, not a warning', () => {
    const peers = new Map([['p-silent', { user: undefined }], ['p-fake-rep', { user: { id: 'rep-9', name: 'Ana', role: 'rep' as const } }]])
    expect(unverifiedPeers(peers, new Set(['rep-1']), undefined)).toEqual([{ peerId: 'p-fake-rep', claimedName: 'Ana' }])
  })
})

describe('watchTamperingWhenWritten (the watch loads once another client has written the customer doc)', () => {
  afterEach(() => vi.useRealTimers())
  const realWatch = (): Promise<typeof import('../../src/app/session/tamperWatch')> => import('../../src/app/session/tamperWatch')

  test('not while every write is this client\'s; a hostile peer\'s forgery loads it, and is flagged after the grace period', async () => {
    vi.useFakeTimers()
    const { customerDoc, repDoc } = session()
    expect([...customerDoc.store.clients.keys()]).toEqual([customerDoc.clientID]) // the fixture's writes are all this client's
    let loads = 0
    const seen: Tampering[][] = []
    const stop = watchTamperingWhenWritten(customerDoc, repDoc, (list) => seen.push(list), () => (loads++, realWatch()))
    const typed = appendEntry(customerDoc, chat({ text: 'typed here' }))
    signAsCustomer(customerDoc, [typed])
    mirrorCustomerEntries(customerDoc, repDoc)
    await Promise.resolve()
    expect(loads).toBe(0)
    let forged = ''
    fromHostilePeer(customerDoc, (peer) => (forged = appendEntry(peer, repChat({ text: 'pay here' }))))
    expect(loads).toBe(1)
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0)) // its first pass, over everything already there
    vi.advanceTimersByTime(TAMPER_GRACE_MS)
    expect(seen.at(-1)?.map((t) => [t.id, t.kind])).toEqual([[forged, 'forged']])
    fromHostilePeer(customerDoc, (peer) => appendEntry(peer, repChat({ text: 'again' })))
    expect(loads).toBe(1)
    stop()
  })

  test('at once when the doc already holds another client\'s writes (loaded from IndexedDB after a reload, or synced)', async () => {
    vi.useFakeTimers()
    const { customerDoc, repDoc } = session()
    let forged = ''
    fromHostilePeer(customerDoc, (peer) => (forged = appendEntry(peer, repChat({ text: 'pay here' }))))
    const seen: Tampering[][] = []
    const stop = watchTamperingWhenWritten(customerDoc, repDoc, (list) => seen.push(list), realWatch)
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0))
    vi.advanceTimersByTime(TAMPER_GRACE_MS)
    expect(seen.at(-1)?.map((t) => t.id)).toEqual([forged])
    stop()
  })

  test('a chunk that failed to load is asked for again; a session closed meanwhile never starts the watch', async () => {
    vi.useFakeTimers()
    const { customerDoc, repDoc } = session()
    fromHostilePeer(customerDoc, (peer) => appendEntry(peer, repChat({ text: 'pay here' })))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    let attempts = 0
    const load = (): Promise<typeof import('../../src/app/session/tamperWatch')> => (++attempts === 1 ? Promise.reject(new Error('offline')) : realWatch())
    const seen: Tampering[][] = []
    const stop = watchTamperingWhenWritten(customerDoc, repDoc, (list) => seen.push(list), load)
    await vi.waitFor(() => expect(warn).toHaveBeenCalledOnce())
    await vi.advanceTimersByTimeAsync(TAMPER_RETRY_MS)
    expect(attempts).toBe(2)
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0))
    stop()
    const closed = watchTamperingWhenWritten(customerDoc, repDoc, (list) => seen.push(list), () => Promise.reject(new Error('offline')))
    closed()
    const before = seen.length
    await vi.advanceTimersByTimeAsync(TAMPER_RETRY_MS * 3)
    expect(seen.length).toBe(before)
    warn.mockRestore()
  })
})
