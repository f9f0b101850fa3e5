import type { mediaEn } from './mediaStrings'

/** Spanish. */
export const mediaEs: Record<keyof typeof mediaEn, string> = {
  'status.screenShared': '{{name}} empezó a compartir su pantalla',
  'status.screenStopped': '{{name}} dejó de compartir su pantalla',
  'status.screenDeclined': '{{name}} rechazó compartir su pantalla',
  'files.sendTool': 'Enviar archivo',
  'files.tooLarge': 'Este archivo supera {{max}}.',
  'files.nameTooLong': 'El nombre de este archivo tiene {{length}} caracteres; el límite es {{max}}. Cambie el nombre del archivo y envíelo de nuevo.',
  'files.noPeer': 'Ahora no hay nadie conectado al otro lado para recibir un archivo.',
  'files.drop': 'Suelte un archivo sobre el cuadro de mensaje para enviarlo.',
  'status.fileOffered': '{{author}} ofreció {{name}}',
  'status.mine.fileOffered': 'Usted ofreció {{name}}',
  'status.fileSent': '{{author}} envió {{name}}',
  'status.fileDeclined': 'Se rechazó el archivo {{name}} de {{author}}',
  'status.fileCancelled': 'Se canceló el envío de {{name}} de {{author}}',
  'status.fileFailed': 'Falló el envío de {{name}} de {{author}}',
  'status.credentialsProvided': '{{name}} proporcionó credenciales de acceso',
  'status.credentialsDeclined': '{{name}} rechazó proporcionar credenciales de acceso',
}
