/** Strings of accepting or rejecting an intake that came in through a session code, English, spread into en.ts; the Spanish is in the sibling .es.ts module (its own chunk, issue 20). */

/** English. */
export const intakeEn = {
  'intake.waiting': 'Waiting for your representative to accept your request…',
  'intake.accepted': 'Accepted. Opening your session…',
  'intake.rejected': 'Your representative did not accept this request. If you were expecting to chat with them, ask for a new code.',
  'intake.closed': 'This code has already been used. Ask your representative for a new one.',
  'intake.expired': 'The code stopped working before your representative answered. Ask them for a new one.',
  'intake.title': 'Someone wants to join with the session code',
  'intake.help': 'Accept only the person you gave the code to. A rejected request gets nothing of this session, and the code keeps working.',
  'intake.who': '{{name}} asks:',
  'intake.noRequest': '(no description)',
  'intake.accept': 'Accept customer',
  'intake.reject': 'Reject customer',
  'intake.ignored': 'More requests with this code are not shown: {{count}}. Someone may be trying codes.',
  'intake.notifyTitle': '{{name}} wants to start a chat',
  'intake.acceptFailed': 'This request could not be accepted: the session already has a customer, or the request is gone.',
  'customer.repVerified': 'Verified: this name comes from your session’s own key.',
} as const
