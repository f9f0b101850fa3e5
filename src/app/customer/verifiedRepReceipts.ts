/**
 * The reps' receipts the customer's page believes: anyone holding the join
 * link can write a receipt, so a rep's counts only when its signature verifies
 * against the session key from the link (docs/SCHEMA.md, "receipts"). Each
 * value is verified once, when it arrives; reading is a lookup. Links made
 * before signatures carry no key: their reps' receipts are taken as written.
 */
import { createSignal, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import { readReceipts, receiptsMap, type Receipt } from '../../doc/receipts'
import { importVerifyingKey, verifyReceipt } from '../../net/sessionAuthority'
import { createSerialQueue } from '../shell/serialQueue'

/** Verdicts kept at most (each is a value already seen: forgetting one costs one more verification). */
const MAX_VERDICTS = 512

/** The verified reps' receipts of `doc`, and a stop function. */
export function createVerifiedRepReceipts(doc: Y.Doc, sessionId: string, authority: string | undefined): { receipts: Accessor<Receipt[]>; settled(): Promise<void>; stop(): void } {
  const key = authority ? importVerifyingKey(authority) : undefined
  const verdicts = new Map<string, boolean>()
  const steps = createSerialQueue()
  const valueKey = (receipt: Receipt): string => JSON.stringify([receipt.participantId, receipt.delivered ?? null, receipt.seen ?? null, receipt.signature ?? null])
  const repReceipts = (): Receipt[] => readReceipts(doc).filter((receipt) => receipt.role === 'rep')
  const believed = (): Receipt[] => (key ? repReceipts().filter((receipt) => verdicts.get(valueKey(receipt)) === true) : repReceipts())
  const [receipts, setReceipts] = createSignal<Receipt[]>(believed(), { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) })
  const check = (): void => {
    if (!key) return void setReceipts(believed())
    for (const receipt of repReceipts()) {
      const known = valueKey(receipt)
      if (verdicts.has(known)) continue
      if (!receipt.signature) {
        verdicts.set(known, false)
        continue
      }
      steps.enqueue(async () => {
        const verifying = await key
        if (verdicts.has(known)) return
        if (verdicts.size >= MAX_VERDICTS) verdicts.clear()
        verdicts.set(known, verifying !== undefined && (await verifyReceipt(verifying, sessionId, receipt)))
      })
    }
    setReceipts(believed())
    // Once per batch, not per verdict: a flood of forged receipts costs one read at the end.
    steps.enqueue(() => {
      if (!steps.stopped()) setReceipts(believed())
      return Promise.resolve()
    })
  }
  const map = receiptsMap(doc)
  map.observe(check)
  check()
  return {
    receipts,
    settled: () => steps.settled(),
    stop: () => {
      steps.stop()
      map.unobserve(check)
    },
  }
}
