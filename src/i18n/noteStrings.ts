/**
 * Status notes worded for whoever reads them: on the page of the person a note is about, it says
 * "You…" ("You opened…", "You sent…"); file notes name the sender (spread into en.ts and es.ts).
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

/** Spanish: every key of the English strings (the type checker enforces it). */
export const notesEs: Record<keyof typeof notesEn, string> = {
  'status.mine.urlOpened': 'Usted abrió {{name}}',
  'status.mine.urlBlocked': 'Su navegador bloqueó la apertura de {{name}}; el botón Abrir enlace lo abre',
  'status.mine.urlRefused': 'Esta página no abrió {{name}}: solo se abren enlaces http y https',
  'status.mine.screenShared': 'Usted empezó a compartir su pantalla',
  'status.mine.screenStopped': 'Usted dejó de compartir su pantalla',
  'status.mine.screenDeclined': 'Usted rechazó compartir su pantalla',
  'status.mine.credentialsProvided': 'Usted proporcionó credenciales de acceso',
  'status.mine.credentialsDeclined': 'Usted rechazó proporcionar credenciales de acceso',
  'status.mine.fileSent': 'Usted envió {{name}}',
  'status.mine.fileDeclined': 'Se rechazó su archivo {{name}}',
  'status.mine.fileCancelled': 'Se canceló el envío de {{name}}',
  'status.mine.fileFailed': 'Falló el envío de {{name}}',
}
