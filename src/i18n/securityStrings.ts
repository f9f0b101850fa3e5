/** Strings of the tampering warnings a rep sees (hostile customer-side peers), English, spread into en.ts; the Spanish is in the sibling .es.ts module (its own chunk, issue 20). */

/** English. */
export const securityEn = {
  'customer.unverifiedLink': 'This link does not carry your representative’s key, so their messages cannot be verified. Do not open links or give passwords here; ask for a new link.',
  'customer.hiddenUnverified': '{{count}} messages did not come from your representative and are hidden.',
} as const
