// The link proof between the customer's page and each peer of the customer room (src/net/linkProofs.ts), over
// in-memory connections that carry link messages the way connectDoc.ts does: each link a distinct object with
// its own two ends (peer ids and DTLS fingerprints); a reconnect makes a new link.
import { describe, expect, test } from 'vitest'
import type { DocConnection } from '../../src/net/connectDoc'
import { MAX_REFUSALS, PROOF_TIMEOUT_MS, proveLinks, verifyLinks } from '../../src/net/linkProofs'
import type { LinkMessageEvent, PeerLink } from '../../src/net/presence'
import { createDeviceSigningKeys, createSessionAuthority, importSigningKey, importVerifyingKey } from '../../src/net/sessionAuthority'

interface FakePage {
  peerId: string
  connection: DocConnection
  links: Map<string, PeerLink & { fingerprints: { local: string; remote: string } }>
  listeners: Set<(event: LinkMessageEvent) => void>
  changes: Set<() => void>
  sent: { to: string; message: Record<string, unknown> }[]
  /** Presence this page holds, by Yjs client id. */
  states: Map<number, unknown>
}

let clients = 0

function page(peerId: string): FakePage {
  const links: FakePage['links'] = new Map()
  const listeners = new Set<(event: LinkMessageEvent) => void>()
  const changes = new Set<() => void>()
  const states = new Map<number, unknown>()
  const self: FakePage = { peerId, links, listeners, changes, sent: [], states, connection: undefined as unknown as DocConnection }
  self.connection = {
    awareness: { getStates: () => states },
    peerLinks: () => new Map(links),
    onChange(listener: () => void) {
      changes.add(listener)
      return () => changes.delete(listener)
    },
    onLinkMessage(listener: (event: LinkMessageEvent) => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    sendLinkMessage(to: string, message: object) {
      const link = links.get(to)
      if (!link) return false
      self.sent.push({ to, message: message as Record<string, unknown> })
      deliver(self, link, message as Record<string, unknown>)
      return true
    },
  } as unknown as DocConnection
  return self
}

/** Both pages' ends of each link: the other page and the link object at the other end. */
const wires = new WeakMap<PeerLink, { from: FakePage; to: FakePage; far: PeerLink }>()

function deliver(from: FakePage, link: PeerLink, message: Record<string, unknown>): void {
  const wire = wires.get(link)!
  queueMicrotask(() => {
    const far = wire.far as FakePage['links'] extends Map<string, infer L> ? L : never
    const event: LinkMessageEvent = {
      peerId: from.peerId,
      message: JSON.parse(JSON.stringify(message)) as Record<string, unknown>,
      link: far,
      ends: { local: { peerId: wire.to.peerId, fingerprint: far.fingerprints.local }, remote: { peerId: from.peerId, fingerprint: far.fingerprints.remote } },
      reply: (answer) => {
        if (wire.to.links.get(from.peerId) === far) deliver(wire.to, far, answer as Record<string, unknown>)
      },
    }
    wire.to.listeners.forEach((listener) => listener(event))
  })
}

let certificates = 0
/**
 * Links `a` and `b` over a new connection (each end with a certificate of its own); replaces any earlier one.
 * Each learns the other's presence unless `presence` is false (a stock y-webrtc peer publishes none).
 */
function connect(a: FakePage, b: FakePage, presence = true): void {
  if (presence) {
    a.states.set(++clients, { user: { id: b.peerId, name: b.peerId, role: 'rep' }, peerId: b.peerId })
    b.states.set(++clients, { user: { id: a.peerId, name: a.peerId, role: 'customer' }, peerId: a.peerId })
  }
  const fa = `sha-256 ${(++certificates).toString(16).padStart(2, '0')}:AA`
  const fb = `sha-256 ${(++certificates).toString(16).padStart(2, '0')}:BB`
  const linkA = { destroyed: false, fingerprints: { local: fa, remote: fb } } as unknown as FakePage['links'] extends Map<string, infer L> ? L : never
  const linkB = { destroyed: false, fingerprints: { local: fb, remote: fa } } as unknown as typeof linkA
  wires.set(linkA, { from: a, to: b, far: linkB })
  wires.set(linkB, { from: b, to: a, far: linkA })
  a.links.set(b.peerId, linkA)
  b.links.set(a.peerId, linkB)
  a.changes.forEach((listener) => listener())
  b.changes.forEach((listener) => listener())
}

async function authority() {
  const record = await createSessionAuthority()
  return { signer: (await importSigningKey(record.privateKey))!, verifier: (await importVerifyingKey(record.publicKey))! }
}

/** Lets queued messages and the WebCrypto work they start run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0))
}

describe('each link proves the session key before the customer page sends screen or files over it', () => {
  test('a rep holding the authority proves; a peer without it does not, and counts as failed once its time is up', async () => {
    const { signer, verifier } = await authority()
    let now = 0
    const customer = page('peer-customer')
    const rep = page('peer-rep')
    const mallory = page('peer-mallory')
    proveLinks(rep.connection, 's1', () => Promise.resolve(signer))
    const malloryKey = (await createDeviceSigningKeys()).privateKey
    proveLinks(mallory.connection, 's1', () => Promise.resolve(malloryKey)) // answers, with the wrong key
    const links = verifyLinks(customer.connection, 's1', Promise.resolve(verifier), () => now)
    connect(customer, rep)
    connect(customer, mallory)
    await settle()
    expect(links.status('peer-rep')).toBe('proven')
    expect(await links.settled('peer-rep')).toBe(true)
    expect(links.status('peer-mallory')).toBe('pending')
    const malloryVerdict = links.settled('peer-mallory')
    now = PROOF_TIMEOUT_MS
    customer.changes.forEach((listener) => listener())
    expect(links.status('peer-mallory')).toBe('failed')
    expect(await malloryVerdict).toBe(false)
    expect(links.status('peer-nobody')).toBe('failed')
    links.stop()
  })

  test('a proof relayed from another link does not count: it names that link’s certificates', async () => {
    const { signer, verifier } = await authority()
    const customer = page('peer-customer')
    const rep = page('peer-rep')
    const mallory = page('peer-mallory')
    proveLinks(rep.connection, 's1', () => Promise.resolve(signer))
    // Mallory relays every challenge it gets from the customer to the real rep, and the rep's answer back.
    mallory.listeners.add((event) => {
      if (event.message.t === 'challenge' && event.peerId === 'peer-customer') mallory.connection.sendLinkMessage!('peer-rep', event.message)
      if (event.message.t === 'proof' && event.peerId === 'peer-rep') mallory.connection.sendLinkMessage!('peer-customer', event.message)
    })
    connect(mallory, rep)
    const links = verifyLinks(customer.connection, 's1', Promise.resolve(verifier))
    connect(customer, mallory)
    await settle()
    expect(mallory.sent.filter((sent) => sent.to === 'peer-customer' && sent.message.t === 'proof')).toHaveLength(1) // the relayed proof did arrive
    expect(links.status('peer-mallory')).not.toBe('proven')
    links.stop()
  })

  test('a reconnect makes a new link, which must prove itself again; reports reach each proven link, the new one too', async () => {
    const { signer, verifier } = await authority()
    const customer = page('peer-customer')
    const rep = page('peer-rep')
    let signs = 0
    const prover = proveLinks(rep.connection, 's1', () => {
      signs += 1
      return Promise.resolve(signer)
    })
    const links = verifyLinks(customer.connection, 's1', Promise.resolve(verifier))
    connect(customer, rep)
    await settle()
    expect(links.status('peer-rep')).toBe('proven')
    links.report({ what: 'screen', peerId: 'peer-mallory', claimedName: 'Boss Rep' })
    links.report({ what: 'screen', peerId: 'peer-mallory', claimedName: 'Boss Rep' }) // once per peer and action
    await settle()
    expect(prover.refusals()).toEqual([expect.objectContaining({ what: 'screen', peerId: 'peer-mallory', claimedName: 'Boss Rep', reportedBy: 'peer-customer' })])

    const reproven = new Promise<void>((resolve) => {
      const stop = links.onChange(() => {
        if (links.status('peer-rep') === 'proven') {
          stop()
          resolve()
        }
      })
    })
    const before = customer.sent.filter((sent) => sent.message.t === 'refused').length
    connect(customer, rep) // same peer ids, new connection
    expect(links.status('peer-rep')).toBe('pending')
    await reproven
    await settle()
    expect(customer.sent.filter((sent) => sent.message.t === 'refused').length).toBe(before + 1) // told again over the new link
    expect(signs).toBe(1) // the authority key is read once
    links.stop()
  })

  test('a rep page keeps at most MAX_REFUSALS reports and ignores malformed ones', async () => {
    const rep = page('peer-rep')
    const mallory = page('peer-mallory')
    const prover = proveLinks(rep.connection, 's1', () => Promise.resolve(undefined))
    connect(rep, mallory)
    for (let i = 0; i < MAX_REFUSALS + 10; i++) mallory.connection.sendLinkMessage!('peer-rep', { t: 'refused', what: 'fileOut', peer: `p${i}` })
    for (const bad of [{ t: 'refused', what: 'nuke', peer: 'x' }, { t: 'refused', what: 'screen' }, { t: 'refused', what: 'screen', peer: 'x'.repeat(500) }]) mallory.connection.sendLinkMessage!('peer-rep', bad)
    await settle()
    expect(prover.refusals()).toHaveLength(MAX_REFUSALS)
    expect(prover.refusals().at(-1)?.peerId).toBe(`p${MAX_REFUSALS + 9}`)
    expect(prover.refusals().every((refusal) => refusal.what === 'fileOut')).toBe(true)
  })

  test('a rep page signs at most a handful of challenges per link, and none before it holds the authority', async () => {
    const { signer } = await authority()
    const rep = page('peer-rep')
    const mallory = page('peer-mallory')
    const authorityHeld: { key?: CryptoKey } = {}
    proveLinks(rep.connection, 's1', () => Promise.resolve(authorityHeld.key))
    let proofs = 0
    mallory.listeners.add((event) => void (event.message.t === 'proof' && (proofs += 1)))
    connect(rep, mallory)
    mallory.connection.sendLinkMessage!('peer-rep', { t: 'challenge', c: 'AAAA' })
    await settle()
    expect(proofs).toBe(0) // no authority yet (a joining rep's doc still syncing): no answer, asked again later
    authorityHeld.key = signer
    for (let i = 0; i < 50; i++) mallory.connection.sendLinkMessage!('peer-rep', { t: 'challenge', c: `c${i}` })
    await settle()
    expect(proofs).toBe(9) // ten answers per link, the first of which found no key
  })

  test('a peer that published no presence (a stock y-webrtc reader) is never sent a challenge, and gets nothing', async () => {
    const { verifier } = await authority()
    let now = 0
    const customer = page('peer-customer')
    const stock = page('peer-stock')
    const heard: unknown[] = []
    stock.listeners.add((event) => void heard.push(event.message))
    const links = verifyLinks(customer.connection, 's1', Promise.resolve(verifier), () => now)
    connect(customer, stock, false)
    await settle()
    now = PROOF_TIMEOUT_MS
    customer.changes.forEach((listener) => listener())
    expect(heard).toEqual([])
    expect(links.status('peer-stock')).toBe('failed')
    links.stop()
  })
})
