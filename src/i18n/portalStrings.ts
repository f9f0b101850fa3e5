/** Strings of the customer portal (session codes) and the customer page's extras, English, spread into en.ts; the Spanish is in the sibling .es.ts module (its own chunk, issue 20). */

/** English. */
export const portalEn = {
  'portal.title': 'Connect to your support session',
  'portal.intro': 'Type the session code your representative gave you.',
  'portal.code': 'Session code',
  'portal.codeHint': 'Six letters and digits, for example K7P-4QX: upper or lower case, with or without the dash.',
  'portal.connect': 'Connect',
  'portal.looking': 'Looking for your session…',
  'portal.found': 'Session found. Opening it…',
  'portal.malformed': 'A session code has 6 letters and digits, for example K7P-4QX. Check what you typed.',
  'portal.notFound': 'This code is not valid or has expired. Check it, or ask your representative for a new one.',
  'portal.offline': 'Could not reach the network. Check your connection and try again.',
  'customer.saveLog': 'Save chat log',
  'customer.repAway': "Your representative is not connected right now — your messages will be sent when they're back.",
  'details.connection': 'Connection type',
} as const
