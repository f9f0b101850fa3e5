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
}
