/**
 * Convergence under seeded random delivery and disconnects (see peerNetwork.ts).
 * Every failure names its seed; a seed that ever failed is kept below as a
 * named regression test.
 */
import { describe, expect, test } from 'vitest'
import type * as Y from 'yjs'
import { appendEntry, readTranscript } from '../../src/doc/transcript'
import { bindTestCustomer, mirrorCustomerEntries, publishRepEntries, signAsCustomer } from './relayHarness'
import { notesText, readNotes } from '../../src/doc/notes'
import type { Audience, Entry } from '../../src/doc/entry'
import { LOCAL } from '../../src/doc/schema'
import { PeerNetwork, mulberry32, pick, type Rng } from './peerNetwork'
import { T0, chat, makeDoc, repChat } from './fixtures'

const SEEDS = Array.from({ length: 50 }, (_, i) => i + 1)

/** Knobs of one fuzz run: per-step probabilities of each action (the rest of the time a message is delivered). */
interface FuzzConfig {
  peers: number
  steps: number
  pAppend: number
  pNotes: number
  pToggle: number
}

const defaults = (seed: number): FuzzConfig => ({ peers: 2 + (seed % 3), steps: 300, pAppend: 0.2, pNotes: 0.15, pToggle: 0.04 })

/** Runs `scenario`, prefixing any failure with the seed and knobs so it can be replayed and pinned. */
function withSeed<T>(seed: number, config: object, scenario: () => T): T {
  try {
    return scenario()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new Error(`seed ${seed} ${JSON.stringify(config)}: ${message}`, { cause: error })
  }
}

/** Each peer's wall clock: skewed by up to ±5 s and now and then jumping back 30 s. */
function makeClocks(rng: Rng, peers: number): { now: (peer: number, step: number) => number; maybeJump: (peer: number) => void } {
  const offset = Array.from({ length: peers }, () => Math.round((rng() - 0.5) * 10_000))
  return {
    now: (peer, step) => T0 + step * 7 + offset[peer]!,
    maybeJump: (peer) => {
      if (rng() < 0.05) offset[peer]! -= 30_000
    },
  }
}

/** A random insert or delete in the shared notes. */
function editNotes(rng: Rng, doc: Y.Doc): void {
  const text = notesText(doc)
  doc.transact(() => {
    if (text.length > 0 && rng() < 0.35) {
      const index = pick(rng, text.length)
      text.delete(index, Math.min(1 + pick(rng, 5), text.length - index))
    } else {
      text.insert(pick(rng, text.length + 1), ['ok ', 'reboot ', 'ñandú ', '🙂', 'x'][pick(rng, 5)]!)
    }
  }, LOCAL)
}

/** N replicas of a rep doc: random appends and notes edits while messages fly and peers drop. */
function runTranscriptFuzz(seed: number, overrides: Partial<FuzzConfig> = {}): { appended: number } {
  const config = { ...defaults(seed), ...overrides }
  return withSeed(seed, config, () => {
    const rng = mulberry32(seed)
    const docs = Array.from({ length: config.peers }, (_, i) => makeDoc(i + 1))
    const network = new PeerNetwork(docs, rng)
    const clocks = makeClocks(rng, config.peers)
    const appended: string[] = []

    for (let step = 0; step < config.steps; step++) {
      const roll = rng()
      const peer = pick(rng, config.peers)
      const doc = docs[peer]!
      if (roll < config.pAppend) {
        clocks.maybeJump(peer)
        const lastSeen = readTranscript(doc).at(-1)?.id ?? ''
        const id = appendEntry(doc, repChat({ authorId: `rep-${peer}`, text: `p${peer}-s${step}`, at: clocks.now(peer, step) }))
        // The hybrid clock's promise: a new entry sorts after everything its writer had seen.
        expect(id > lastSeen, `${id} should sort after ${lastSeen}`).toBe(true)
        appended.push(id)
      } else if (roll < config.pAppend + config.pNotes) {
        editNotes(rng, doc)
      } else if (roll < config.pAppend + config.pNotes + config.pToggle) {
        network.toggleRandomPeer()
      } else {
        network.deliverOne()
      }
    }
    network.flush()
    network.destroy()

    const [first, ...others] = docs.map((doc) => ({ transcript: readTranscript(doc), notes: readNotes(doc) }))
    for (const other of others) {
      expect(other.transcript, 'replicas show the same transcript in the same order').toEqual(first!.transcript)
      expect(other.notes, 'replicas show the same notes').toBe(first!.notes)
    }
    const ids = first!.transcript.map((entry) => entry.id)
    expect(ids.length, 'no entry lost or duplicated').toBe(appended.length)
    expect(new Set(ids), 'every entry appended anywhere is present').toEqual(new Set(appended))
    return { appended: appended.length }
  })
}

/**
 * The two-document session: the customer and rep A share the customer doc;
 * reps A and B share the rep doc; rep A's client relays on every change. The
 * customer also tries to forge a rep's message in the customer doc.
 */
function runRelayFuzz(seed: number, overrides: Partial<Omit<FuzzConfig, 'peers' | 'pNotes'>> = {}): void {
  const config = { steps: 400, pAppend: 0.2, pToggle: 0.04, ...overrides }
  withSeed(seed, config, () => {
    const rng = mulberry32(seed)
    const customer = makeDoc(1)
    const customerAtA = makeDoc(2)
    const repAtA = makeDoc(3)
    const repAtB = makeDoc(4)
    const customerRoom = new PeerNetwork([customer, customerAtA], rng)
    const repRoom = new PeerNetwork([repAtA, repAtB], rng)
    bindTestCustomer(customer, repAtA)
    customerAtA.on('update', () => mirrorCustomerEntries(customerAtA, repAtA))
    repAtA.on('update', () => publishRepEntries(repAtA, customerAtA))
    const clocks = makeClocks(rng, 3)

    const written = { customer: [] as string[], forged: [] as string[], repAll: [] as string[], repOnly: [] as string[] }
    for (let step = 0; step < config.steps; step++) {
      const roll = rng()
      if (roll < config.pAppend) {
        const who = pick(rng, 4)
        if (who === 0) {
          const text = `customer-${step}`
          signAsCustomer(customer, [appendEntry(customer, chat({ text, at: clocks.now(0, step) }))])
          written.customer.push(text)
        } else if (who === 1 && rng() < 0.3) {
          const text = `forged-${step}`
          appendEntry(customer, repChat({ text, at: clocks.now(0, step) }))
          written.forged.push(text)
        } else {
          const rep = who === 3 ? 2 : 1
          const audience: Audience = rng() < 0.3 ? 'reps' : 'all'
          const text = `rep${rep}-${audience}-${step}`
          clocks.maybeJump(rep)
          appendEntry(rep === 1 ? repAtA : repAtB, repChat({ authorId: `rep-${rep}`, audience, text, at: clocks.now(rep, step) }))
          ;(audience === 'all' ? written.repAll : written.repOnly).push(text)
        }
      } else if (roll < config.pAppend + config.pToggle) {
        ;(rng() < 0.5 ? customerRoom : repRoom).toggleRandomPeer()
      } else {
        if (!(rng() < 0.5 ? customerRoom : repRoom).deliverOne()) (rng() < 0.5 ? customerRoom : repRoom).deliverOne()
      }
    }
    // Relaying during a flush sends new messages into the other room: settle both.
    while (customerRoom.pending() + repRoom.pending() > 0 || ![customerRoom, repRoom].every((room) => room.docs.every((_, i) => room.isOnline(i)))) {
      customerRoom.flush()
      repRoom.flush()
    }
    customerRoom.destroy()
    repRoom.destroy()

    const count = (entries: Entry[]): Map<string, number> => {
      const counts = new Map<string, number>()
      for (const entry of entries) counts.set(entry.text, (counts.get(entry.text) ?? 0) + 1)
      return counts
    }
    const repTranscript = readTranscript(repAtB)
    expect(readTranscript(repAtA), 'both rep replicas agree').toEqual(repTranscript)
    expect(readTranscript(customerAtA), 'both customer replicas agree').toEqual(readTranscript(customer))
    const inRepDoc = count(repTranscript)
    for (const text of [...written.customer, ...written.repAll, ...written.repOnly]) {
      expect(inRepDoc.get(text), `rep B's rep doc holds "${text}" exactly once`).toBe(1)
    }
    for (const text of written.forged) expect(inRepDoc.has(text), `forged "${text}" stays out of the rep doc`).toBe(false)
    expect(repTranscript).toHaveLength(written.customer.length + written.repAll.length + written.repOnly.length)

    const customerTranscript = readTranscript(customer)
    expect(customerTranscript.filter((entry) => entry.audience === 'reps'), 'no rep-only entry reaches the customer doc').toEqual([])
    const inCustomerDoc = count(customerTranscript)
    for (const text of written.repAll) expect(inCustomerDoc.get(text), `"${text}" published exactly once`).toBe(1)
  })
}

describe('convergence: replicas of one doc', () => {
  test(`all replicas end with the same transcript and notes, none lost (${SEEDS.length} seeds, 2–4 peers)`, () => {
    let appended = 0
    for (const seed of SEEDS) appended += runTranscriptFuzz(seed).appended
    expect(appended, 'the runs actually appended entries').toBeGreaterThan(SEEDS.length * 20)
  })
})

describe('convergence: customer doc ↔ rep doc through the relay', () => {
  test(`rep B's rep doc holds every message exactly once and no rep-only entry reaches the customer (${SEEDS.length} seeds)`, () => {
    for (const seed of SEEDS) runRelayFuzz(seed)
  })
})

describe('pinned seeds', () => {
  test('seed 7: four peers with heavy disconnects converge', () => {
    runTranscriptFuzz(7, { peers: 4, pToggle: 0.3, steps: 600 })
  })

  test('seed 1337: two peers, long run with many notes edits converge', () => {
    runTranscriptFuzz(1337, { peers: 2, steps: 2_000, pNotes: 0.4 })
  })

  test('seed 42: relay with heavy disconnects in both rooms keeps every message exactly once', () => {
    runRelayFuzz(42, { pToggle: 0.3, steps: 800 })
  })
})
