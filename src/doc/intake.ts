/**
 * What the customer tells at intake: name, problem, and (with consent) system
 * information. Written by the customer into the customer doc's `intake` map;
 * copied by the relay into the rep doc's `details` map.
 */
import * as Y from 'yjs'
import { boundedString, idString, oneOf } from './guards'
import { LOCAL, MAX_ID_CHARS, MAX_NAME_CHARS, MAX_REQUEST_CHARS, MAX_SYSTEM_VALUE_CHARS, ROOT } from './schema'
import { stringRecord } from './sessionMeta'
import { parsePublicKey } from './signatures'

/** Most system facts a customer page shares (OS, browser, language, zone, screen, …). */
const MAX_SYSTEM_KEYS = 24

/** The customer's intake. */
export interface Intake {
  customerId: string
  customerName: string
  request: string
  /** Empty when the customer did not consent to share it. */
  system: Record<string, string>
  /** The customer device's signing key (base64url raw public key, docs/SCHEMA.md); absent from older pages. */
  publicKey?: string
}

/** The map holding the intake in a customer doc, or the copy in a rep doc. */
export function intakeMap(doc: Y.Doc, kind: 'customer' | 'rep'): Y.Map<unknown> {
  return doc.getMap<unknown>(kind === 'customer' ? ROOT.intake : ROOT.details)
}

/** Writes the customer's intake (customer side). */
export function writeIntake(doc: Y.Doc, intake: Intake): void {
  if (intake.customerName.trim() === '' || intake.customerName.length > MAX_NAME_CHARS) throw new RangeError('customerName')
  if (intake.request.length > MAX_REQUEST_CHARS) throw new RangeError('request')
  const map = intakeMap(doc, 'customer')
  doc.transact(() => {
    map.set('customerId', intake.customerId)
    map.set('customerName', intake.customerName)
    map.set('request', intake.request)
    map.set('system', { ...intake.system })
    if (intake.publicKey !== undefined) map.set('publicKey', intake.publicKey)
  }, LOCAL)
}

/** Reads and validates an intake block; undefined until the customer has filled it in. */
export function readIntake(doc: Y.Doc, kind: 'customer' | 'rep'): Intake | undefined {
  const map = intakeMap(doc, kind)
  const customerId = idString(map.get('customerId'), MAX_ID_CHARS)
  const customerName = boundedString(map.get('customerName'), MAX_NAME_CHARS)
  const request = boundedString(map.get('request'), MAX_REQUEST_CHARS) ?? ''
  if (!customerId || !customerName) return undefined
  const intake: Intake = { customerId, customerName, request, system: stringRecord(map.get('system'), MAX_SYSTEM_KEYS, MAX_SYSTEM_VALUE_CHARS) }
  const publicKey = parsePublicKey(map.get('publicKey'))
  if (publicKey) intake.publicKey = publicKey
  return intake
}

/** Ways a customer comes into a session (`meta.portal`). */
export const ENTRY_WAYS = ['link', 'portal'] as const
export type EntryWay = (typeof ENTRY_WAYS)[number]

/** Records how the customer came in (customer side, before the intake, so any state holding the intake holds this too). */
export function writeIntakeVia(customerDoc: Y.Doc, via: EntryWay): void {
  customerDoc.transact(() => intakeMap(customerDoc, 'customer').set('via', via), LOCAL)
}

/** How the customer says they came in; undefined when not said or not a known way. */
export function readIntakeVia(customerDoc: Y.Doc): EntryWay | undefined {
  return oneOf(intakeMap(customerDoc, 'customer').get('via'), ENTRY_WAYS)
}
