/**
 * The customer a session is bound to, and what may come from them. The first
 * valid intake carrying a public key that a visible rep's relay sees binds the
 * session: its customer id and key go into the rep doc's `meta.customer`, its
 * details into `details`, and both freeze there. From then on the relay copies
 * into the record only entries that this customer could have written
 * (`judgeCustomerEntry`) and that this key signed (checked by the caller:
 * cryptography is not this layer's).
 */
import type * as Y from 'yjs'
import { idString, isRecord } from './guards'
import { CUSTOMER_EVENTS, type Entry } from './entry'
import { MAX_CLOCK_LEAD_MS, parseEntryId } from './entryId'
import { intakeMap, readIntake, type Intake } from './intake'
import { metaMap, readSessionMeta } from './session'
import { parsePublicKey } from './signatures'
import { MAX_ID_CHARS } from './schema'

/**
 * How far an entry id's time may be from the relaying rep's clock (ahead) or before the session
 * started (behind) and still be the customer's: the clock bound of entryId.ts. An id 1 ms after
 * the epoch or hours ahead would sort the record wrongly; an entry written offline a while ago is
 * still plausible (its time is between the session's start and now).
 */
export const CUSTOMER_CLOCK_SKEW_MS = MAX_CLOCK_LEAD_MS

/** The customer the session is bound to. */
export interface CustomerBinding {
  customerId: string
  publicKey: string
}

/** Why a customer-doc entry was not copied into the record. */
export type Refusal = 'impersonation' | 'foreignEvent' | 'badTime' | 'unsigned'

/** The binding in a rep doc, or undefined before the first intake. */
export function readCustomerBinding(repDoc: Y.Doc): CustomerBinding | undefined {
  const raw = metaMap(repDoc).get('customer')
  if (!isRecord(raw)) return undefined
  const customerId = idString(raw.customerId, MAX_ID_CHARS)
  const publicKey = parsePublicKey(raw.publicKey)
  return customerId && publicKey ? { customerId, publicKey } : undefined
}

function sameIntake(a: Intake, b: Intake | undefined): boolean {
  return b !== undefined && a.customerId === b.customerId && a.customerName === b.customerName && a.request === b.request && JSON.stringify(a.system) === JSON.stringify(b.system)
}

/** What `bindIntake` found: just bound, unchanged, a later change (refused), or nothing to bind yet. */
export type IntakeOutcome = 'bound' | 'unchanged' | 'rewritten' | 'none'

/**
 * Binds the session to the customer's intake the first time a valid one with a public key is seen
 * (or, when a rep accepted a customer beforehand, the first one with that customer's id and key),
 * copying its details into the rep doc; afterwards only reports whether the customer doc's intake
 * still matches the frozen copy (a change is `rewritten` and never copied).
 */
export function bindIntake(customerDoc: Y.Doc, repDoc: Y.Doc, origin: unknown): IntakeOutcome {
  const intake = readIntake(customerDoc, 'customer')
  const binding = readCustomerBinding(repDoc)
  if (binding) {
    if (!intake) return 'none'
    const frozen = readIntake(repDoc, 'rep')
    if (frozen) return sameIntake(intake, frozen) && intake.publicKey === binding.publicKey ? 'unchanged' : 'rewritten'
    // Bound when a rep accepted the intake (acceptCustomer): the customer's own intake, with that id and key, brings the details.
    if (intake.customerId !== binding.customerId || intake.publicKey !== binding.publicKey) return 'rewritten'
  } else if (!intake?.publicKey) return 'none'
  const { publicKey } = intake
  if (publicKey === undefined) return 'none'
  const details = intakeMap(repDoc, 'rep')
  repDoc.transact(() => {
    details.set('customerId', intake.customerId)
    details.set('customerName', intake.customerName)
    details.set('request', intake.request)
    details.set('system', intake.system)
    if (!binding) metaMap(repDoc).set('customer', { customerId: intake.customerId, publicKey })
  }, origin)
  return 'bound'
}

/**
 * Binds the session to a customer a rep accepted (an intake that came in through the session code)
 * before their intake reaches the customer doc: only that customer id and key will bind the details.
 * Returns false when the session is already bound (to anyone).
 */
export function acceptCustomer(repDoc: Y.Doc, customer: CustomerBinding, origin: unknown): boolean {
  if (readCustomerBinding(repDoc) || metaMap(repDoc).has('customer')) return false
  repDoc.transact(() => metaMap(repDoc).set('customer', { customerId: customer.customerId, publicKey: customer.publicKey }), origin)
  return true
}

/**
 * Why `entry` (from the customer doc) cannot be the bound customer's, or undefined when it could
 * (then its signature decides). `now` is the relaying rep's clock.
 */
export function judgeCustomerEntry(entry: Entry, binding: CustomerBinding, repDoc: Y.Doc, now: number): Exclude<Refusal, 'unsigned'> | undefined {
  if (entry.authorRole !== 'customer' || entry.authorId !== binding.customerId) return 'impersonation'
  if (entry.audience !== 'all' || (entry.event !== undefined && !CUSTOMER_EVENTS.includes(entry.event))) return 'foreignEvent'
  const time = parseEntryId(entry.id)?.time ?? 0
  const since = readSessionMeta(repDoc)?.createdAt ?? 0
  if (time > now + CUSTOMER_CLOCK_SKEW_MS || time < since - CUSTOMER_CLOCK_SKEW_MS) return 'badTime'
  return undefined
}
