import type { securityEn } from './securityStrings'

/** Spanish. */
export const securityEs: Record<keyof typeof securityEn, string> = {
  'customer.unverifiedLink': 'Este enlace no lleva la clave de su representante, así que sus mensajes no se pueden verificar. No abra enlaces ni dé contraseñas aquí; pida un enlace nuevo.',
  'customer.hiddenUnverified': '{{count}} mensajes no venían de su representante y están ocultos.',
}
