/**
 * Strings of screen sharing, file transfer and credentials that a page shows before their tools load (the Send file
 * button and its errors, the transcript's notes), English, spread into en.ts; the Spanish is in the sibling .es.ts
 * module (its own chunk, issue 20). The dialogs' and cards' strings are a part apart (mediaToolStrings.ts).
 */

/** English. */
export const mediaEn = {
  'status.screenShared': '{{name}} started sharing their screen',
  'status.screenStopped': '{{name}} stopped sharing their screen',
  'status.screenDeclined': '{{name}} declined to share their screen',
  'files.sendTool': 'Send file',
  'files.tooLarge': 'This file is larger than {{max}}.',
  'files.nameTooLong': 'This file’s name is {{length}} characters long; the limit is {{max}}. Rename the file and send it again.',
  'files.noPeer': 'Nobody on the other side is connected to receive a file right now.',
  'files.drop': 'Drop a file on the message box to send it.',
  'status.fileOffered': '{{author}} offered {{name}}',
  'status.mine.fileOffered': 'You offered {{name}}',
  'status.fileSent': '{{author}} sent {{name}}',
  'status.fileDeclined': 'File {{name}} from {{author}} was declined',
  'status.fileCancelled': 'Sending {{name}} from {{author}} was cancelled',
  'status.fileFailed': 'Sending {{name}} from {{author}} failed',
  'status.credentialsProvided': '{{name}} provided login credentials',
  'status.credentialsDeclined': '{{name}} declined to provide login credentials',
} as const
