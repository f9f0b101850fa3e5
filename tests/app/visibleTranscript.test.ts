import { describe, expect, test } from 'vitest'
import { createEffect, createRoot } from 'solid-js'
import { createEntryTrust } from '../../src/app/customer/entryTrust'
import { createVisibleTranscript } from '../../src/app/customer/visibleTranscript'
import { createSessionAuthority, importSigningKey, signEntry } from '../../src/net/sessionAuthority'
import { appendEntry, entriesMap, readEntry } from '../../src/doc/transcript'
import { signaturesMap } from '../../src/doc/signatures'
import { fromHostilePeer, makeDoc, repChat } from '../doc/fixtures'

const SESSION = 'session-1'

/** The customer's transcript over a doc, counting how often its readers re-run. */
async function transcript() {
  const authority = await createSessionAuthority()
  const signer = (await importSigningKey(authority.privateKey))!
  const doc = makeDoc(10)
  const reads = { entries: 0, hidden: 0 }
  const { trust, visible, dispose } = createRoot((dispose) => {
    const trust = createEntryTrust(doc, SESSION, authority.publicKey)
    const visible = createVisibleTranscript(doc, trust)
    createEffect(() => {
      visible.entries()
      reads.entries++
    })
    createEffect(() => {
      visible.hidden()
      reads.hidden++
    })
    return { trust, visible, dispose }
  })
  /** A rep's entry arriving from the network with its signature (`signed: false`: without one). */
  const arrive = async (text: string, signed = true): Promise<string> => {
    const source = makeDoc(20)
    const id = appendEntry(source, repChat({ at: Date.now(), text }))
    const signature = signed ? await signEntry(signer, SESSION, readEntry(source, id)!) : undefined
    fromHostilePeer(doc, (peer) => {
      entriesMap(peer).set(id, entriesMap(source).get(id))
      if (signature) signaturesMap(peer).set(id, signature)
    })
    return id
  }
  return { trust, visible, dispose, reads, arrive }
}

describe("the customer's visible transcript", () => {
  test("a rep's entry that is still being verified re-runs none of the transcript's readers; its verdict does, once", async () => {
    const { trust, visible, dispose, reads, arrive } = await transcript()
    const before = { ...reads }
    const id = await arrive('Hi, I am Rafa')
    // The entry is in the doc, its verification in flight: nothing shown changed, so nothing re-ran.
    expect(visible.entries()).toEqual([])
    expect(reads).toEqual(before)
    await trust.settled()
    expect(visible.entries().map((entry) => entry.id)).toEqual([id])
    expect(reads.entries).toBe(before.entries + 1)
    dispose()
  })

  test("its readers re-run after every observer of the transaction, not inside Yjs's observer calls", async () => {
    const doc = makeDoc(10)
    const runs: string[] = []
    const { visible, dispose } = createRoot((dispose) => {
      const trust = createEntryTrust(doc, SESSION, undefined) // no session key: reps' entries show unverified
      const visible = createVisibleTranscript(doc, trust)
      createEffect(() => runs.push(`render ${visible.entries().length}`))
      return { visible, dispose }
    })
    entriesMap(doc).observe(() => runs.push('later observer'))
    fromHostilePeer(doc, (peer) => appendEntry(peer, repChat({ text: 'Hi', at: Date.now() })))
    expect(visible.entries()).toHaveLength(1) // a read right after the transaction is current
    expect(runs).toEqual(['render 0', 'later observer'])
    await Promise.resolve()
    expect(runs).toEqual(['render 0', 'later observer', 'render 1'])
    dispose()
  })

  test('an entry that fails verification is counted as hidden once its verdict is in', async () => {
    const { trust, visible, dispose, reads, arrive } = await transcript()
    await arrive('pay here', false)
    await trust.settled()
    expect(visible.entries()).toEqual([])
    expect(visible.hidden()).toBe(1)
    expect(reads.hidden).toBeGreaterThan(1)
    dispose()
  })
})
