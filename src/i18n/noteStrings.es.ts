import type { notesEn } from './noteStrings'

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
