/** Strings of the customer portal (session codes) and the customer page's extras, spread into en.ts and es.ts. */

/** English. */
export const portalEn = {
  'portal.title': 'Connect to your support session',
  'portal.intro': 'Type the session code your representative gave you.',
  'portal.code': 'Session code',
  'portal.codeHint': 'Six letters and digits, for example K7P-4QX: upper or lower case, with or without the dash.',
  'portal.connect': 'Connect',
  'portal.looking': 'Looking for your session…',
  'portal.found': 'Session found. Opening it…',
  'portal.malformed': 'A session code has 6 letters and digits, for example K7P-4QX. Check what you typed.',
  'portal.notFound': 'This code is not valid or has expired. Check it, or ask your representative for a new one.',
  'portal.offline': 'Could not reach the network. Check your connection and try again.',
  'console.sessionCodeHelp': 'Instead of the link, the customer can open {{url}} and type this code. It works once, for {{minutes}} minutes.',
  'customer.saveLog': 'Save chat log',
  'customer.repAway': "Your representative is not connected right now — your messages will be sent when they're back.",
  'details.connection': 'Connection type',
} as const

/** Spanish: every key of the English ones (the type checker enforces it). */
export const portalEs: Record<keyof typeof portalEn, string> = {
  'portal.title': 'Conéctese a su sesión de asistencia',
  'portal.intro': 'Escriba el código de sesión que le dio su representante.',
  'portal.code': 'Código de sesión',
  'portal.codeHint': 'Seis letras y cifras, por ejemplo K7P-4QX: en mayúsculas o minúsculas, con o sin guion.',
  'portal.connect': 'Conectar',
  'portal.looking': 'Buscando su sesión…',
  'portal.found': 'Sesión encontrada. Abriéndola…',
  'portal.malformed': 'Un código de sesión tiene 6 letras y cifras, por ejemplo K7P-4QX. Revise lo que escribió.',
  'portal.notFound': 'Este código no es válido o ha caducado. Revíselo o pida uno nuevo a su representante.',
  'portal.offline': 'No se pudo acceder a la red. Compruebe su conexión e inténtelo de nuevo.',
  'console.sessionCodeHelp': 'En lugar del enlace, el cliente puede abrir {{url}} y escribir este código. Funciona una vez, durante {{minutes}} minutos.',
  'customer.saveLog': 'Guardar conversación',
  'customer.repAway': 'Su representante no está conectado en este momento; sus mensajes se enviarán cuando vuelva.',
  'details.connection': 'Tipo de conexión',
}
