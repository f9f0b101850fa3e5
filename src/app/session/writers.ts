/** The entry writer (src/doc) of this device's rep or customer. */
import type { Writer } from '../../doc/transcript'

/** A rep as the writer of entries and notes. */
export function repWriter(rep: { repId: string; name: string }): Writer {
  return { role: 'rep', id: rep.repId, name: rep.name }
}

/** The customer as the writer of entries and notes. */
export function customerWriter(customer: { customerId: string; name: string }): Writer {
  return { role: 'customer', id: customer.customerId, name: customer.name }
}
