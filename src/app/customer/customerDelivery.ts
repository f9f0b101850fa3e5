/**
 * Delivery marks on the customer's own messages, from the receipts visible
 * reps keep in the customer doc (repSession.ts): delivered once a rep's
 * device has the message, seen once a rep had the session in front. The page
 * passes only receipts signed with the session authority
 * (verifiedRepReceipts.ts): a peer holding the link cannot show a false Seen.
 */
import type { DeliveryState, Receipt } from '../../doc/receipts'

/** How far the customer's message `id` got: seen or delivered by a rep, else still in the outbox. */
export function customerDeliveryState(id: string, receipts: readonly Receipt[]): DeliveryState {
  let state: DeliveryState = 'outbox'
  for (const receipt of receipts) {
    if (receipt.role !== 'rep') continue
    if (receipt.seen !== undefined && receipt.seen >= id) return 'seen'
    if (receipt.delivered !== undefined && receipt.delivered >= id) state = 'delivered'
  }
  return state
}
