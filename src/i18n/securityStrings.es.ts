import type { securityEn } from './securityStrings'

/** Spanish. */
export const securityEs: Record<keyof typeof securityEn, string> = {
  'tamper.title': 'Actividad sospechosa del lado del cliente',
  'tamper.help': 'Nada de esto está en el registro de la sesión. El cliente puede verlo en su copia.',
  'tamper.forged': 'Entrada falsificada, no es de {{name}}:',
  'tamper.altered': 'Entrada alterada en la copia del cliente, dice ser de {{name}}:',
  'tamper.spoofedRep': 'Alguien en la sala del cliente dice ser el representante {{name}}; no verificado, se ignora.',
  'tamper.throttled': 'Un participante del lado del cliente envió cambios demasiado rápido y se ignoró un momento (último a las {{time}}).',
  'tamper.attendees': 'Un participante del lado del cliente añadió {{count}} asistentes por encima del límite de {{max}}; se ignoran.',
  'tamper.impersonation': 'Rechazada, no la escribió el dispositivo del cliente aunque nombra a {{name}}:',
  'tamper.foreignEvent': 'Rechazada, una nota que solo el equipo puede escribir, atribuida a {{name}}:',
  'tamper.badTime': 'Rechazada, hora imposible, atribuida a {{name}}:',
  'tamper.unsigned': 'Rechazada, sin firma del dispositivo del cliente, atribuida a {{name}}:',
  'tamper.intake': 'Datos del cliente cambiados después de unirse (se ignoran), ahora dice {{name}}:',
  'tamper.receipt': 'Confirmación de lectura de mensajes que no existen (se ignora), atribuida a {{name}}:',
  'customer.unverifiedLink': 'Este enlace no lleva la clave de su representante, así que sus mensajes no se pueden verificar. No abra enlaces ni dé contraseñas aquí; pida un enlace nuevo.',
  'customer.hiddenUnverified': '{{count}} mensajes no venían de su representante y están ocultos.',
}
