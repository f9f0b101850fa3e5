/** Strings of the tampering warnings a rep sees (hostile customer-side peers), spread into en.ts and es.ts. */

/** English. */
export const securityEn = {
  'tamper.title': 'Suspicious activity on the customer side',
  'tamper.help': 'None of this is in the session record. The customer may see it in their copy.',
  'tamper.forged': 'Forged entry, not from {{name}}:',
  'tamper.altered': 'Entry altered in the customer’s copy, claims to be from {{name}}:',
  'tamper.spoofedRep': 'Someone in the customer room claims to be the representative {{name}}; not verified, ignored.',
  'tamper.throttled': 'A customer-side peer sent updates too fast and was ignored for a moment (last at {{time}}).',
  'tamper.attendees': 'A customer-side peer added {{count}} attendees beyond the limit of {{max}}; they are ignored.',
  'tamper.impersonation': 'Refused, not written by the customer’s device though it names {{name}}:',
  'tamper.foreignEvent': 'Refused, a note only the team may write, claimed by {{name}}:',
  'tamper.badTime': 'Refused, impossible time, claimed by {{name}}:',
  'tamper.unsigned': 'Refused, not signed by the customer’s device, claimed by {{name}}:',
  'tamper.intake': 'Customer details changed after the customer joined (ignored), now claiming {{name}}:',
  'tamper.receipt': 'Read receipt for messages that do not exist (ignored), claimed for {{name}}:',
  'customer.unverifiedLink': 'This link does not carry your representative’s key, so their messages cannot be verified. Do not open links or give passwords here; ask for a new link.',
  'customer.hiddenUnverified': '{{count}} messages did not come from your representative and are hidden.',
} as const

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
