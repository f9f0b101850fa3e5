/**
 * Strings of the screen-sharing, file-transfer and credentials dialogs and cards, English: a part of their
 * own (issue 20, bundles), fetched with the tools' code (`loadStrings('media')`) by the customer page and
 * the rep console on first use (the rep's tool buttons and Screen panel are in repOnlyStrings.ts). What a page shows before that (the Send file
 * button, its errors, the transcript's notes) stays in mediaStrings.ts, in the catalog every page loads.
 */

/** English. */
export const mediaToolsEn = {
  'screen.requestTitle': 'Screen sharing request',
  'screen.requestText': '{{name}} asks to see your screen. You choose what to share, and you can stop at any time.',
  'screen.share': 'Share screen',
  'screen.decline': 'Decline',
  'screen.stop': 'Stop sharing',
  'screen.sharing': 'You are sharing your screen with your representative.',
  'screen.unavailable': 'This browser cannot share the screen.',
  'files.offerTitle': 'Incoming file',
  'files.outgoingTitle': 'Outgoing file',
  'files.offerHelp': 'The file comes straight from their browser, not through any server.',
  'files.accept': 'Accept',
  'files.decline': 'Decline',
  'files.cancel': 'Cancel',
  'files.save': 'Save file',
  'files.progress': 'Transfer of {{name}}',
  'files.to': 'To {{peer}}',
  'files.from': 'From {{peer}}',
  'files.phase.offered': 'Waiting for your answer',
  'files.phase.waiting': 'Waiting for the other side to accept',
  'files.phase.transferring': 'Transferring',
  'files.phase.interrupted': 'Connection lost — waiting to resume',
  'files.phase.verifying': 'Checking SHA-256…',
  'files.phase.done': 'Done — SHA-256 verified',
  'files.phase.declined': 'Declined',
  'files.phase.cancelled': 'Cancelled',
  'files.failed.connection': 'Failed: the connection dropped. Send the file again.',
  'files.failed.checksum': 'Failed: the SHA-256 check did not match.',
  'files.failed.tooLarge': 'Refused: the file is larger than the limit.',
  'files.failed.protocol': 'Failed: the other side sent something unexpected.',
  'credentials.requestTitle': 'Login credentials request',
  'credentials.requestText': '{{name}} asks for a user name and password. They are encrypted so that only {{name}} can read them, shown once, and never stored.',
  'credentials.user': 'User name',
  'credentials.password': 'Password',
  'credentials.send': 'Send credentials',
  'credentials.decline': 'Decline',
  'credentials.revealTitle': 'Login credentials',
  'credentials.revealHelp': 'Shown only this once: copy what you need now. Nothing is stored.',
  'credentials.requested': 'Login credentials requested. Waiting for the customer…',
} as const

/** A key of the media tools' own strings. */
export type MediaToolKey = keyof typeof mediaToolsEn
