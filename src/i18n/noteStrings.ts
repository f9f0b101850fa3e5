/**
 * Status notes worded for whoever reads them: on the page of the person a note is about, it says
 * "You…" ("You opened…", "You sent…"); file notes name the sender. English, spread into en.ts; the Spanish is in noteStrings.es.ts (its own chunk, issue 20).
 */

/** English. */
export const notesEn = {
  'status.mine.urlOpened': 'You opened {{name}}',
  'status.mine.urlBlocked': 'Your browser blocked opening {{name}}; the Open link button opens it',
  'status.mine.urlRefused': 'This page did not open {{name}}: only http and https links are opened',
  'status.mine.screenShared': 'You started sharing your screen',
  'status.mine.screenStopped': 'You stopped sharing your screen',
  'status.mine.screenDeclined': 'You declined to share your screen',
  'status.mine.credentialsProvided': 'You provided login credentials',
  'status.mine.credentialsDeclined': 'You declined to provide login credentials',
  'status.mine.fileSent': 'You sent {{name}}',
  'status.mine.fileDeclined': 'Your file {{name}} was declined',
  'status.mine.fileCancelled': 'Sending {{name}} was cancelled',
  'status.mine.fileFailed': 'Sending {{name}} failed',
} as const
