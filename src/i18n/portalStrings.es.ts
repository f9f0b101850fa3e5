import type { portalEn } from './portalStrings'

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
  'customer.saveLog': 'Guardar conversación',
  'customer.repAway': 'Su representante no está conectado en este momento; sus mensajes se enviarán cuando vuelva.',
  'details.connection': 'Tipo de conexión',
}
