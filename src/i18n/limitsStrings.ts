/** Strings of the per-peer limits (issue 18), English, spread into en.ts; the Spanish is in the sibling .es.ts module (its own chunk, issue 20). */

/** English. */
export const limitsEn = {
  'files.failed.busy': 'Refused: too many transfers at once. Try again when one has finished.',
  'storage.nearQuota': 'This browser is running out of storage for Asiste ({{used}} of {{quota}}). Export and delete old sessions.',
  'storage.sessionFull':
    'This session reached its storage limit on this device ({{max}}). What others add to the customer’s copy is no longer saved here ({{refused}} not saved so far). The session record, with your messages and the customer’s, is still saved; export the session to keep a copy.',
  'storage.customerFull': 'This conversation reached its storage limit on this device ({{max}}): new messages from others are shown but not saved here. Your own messages are still saved.',
} as const
