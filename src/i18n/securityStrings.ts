/** Strings of the tampering warnings a rep sees (hostile customer-side peers), English, spread into en.ts; the Spanish is in the sibling .es.ts module (its own chunk, issue 20). */

/** English. */
export const securityEn = {
  'tamper.title': 'Suspicious activity on the customer side',
  'tamper.help': 'None of this is in the session record. The customer may see it in their copy.',
  'tamper.forged': 'Forged entry, not from {{name}}:',
  'tamper.altered': 'Entry altered in the customer’s copy, claims to be from {{name}}:',
  'tamper.spoofedRep': 'Someone in the customer room claims to be the representative {{name}}; not verified, ignored.',
  'tamper.throttled': 'A customer-side peer sent updates too fast and was ignored for a moment (last at {{time}}).',
  'tamper.attendees': 'A customer-side peer added {{count}} attendees beyond the limit of {{max}}; they are ignored.',
  'tamper.impersonation': 'Refused, not written by the customer’s device though it names {{name}}:',
  'tamper.foreignEvent': 'Refused, a note only the team may write, claimed by {{name}}:',
  'tamper.badTime': 'Refused, impossible time, claimed by {{name}}:',
  'tamper.unsigned': 'Refused, not signed by the customer’s device, claimed by {{name}}:',
  'tamper.intake': 'Customer details changed after the customer joined (ignored), now claiming {{name}}:',
  'tamper.receipt': 'Read receipt for messages that do not exist (ignored), claimed for {{name}}:',
  'customer.unverifiedLink': 'This link does not carry your representative’s key, so their messages cannot be verified. Do not open links or give passwords here; ask for a new link.',
  'customer.hiddenUnverified': '{{count}} messages did not come from your representative and are hidden.',
} as const
