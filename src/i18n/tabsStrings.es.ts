import type { tabsEn } from './tabsStrings'

/** Spanish: every key of the English strings (the type checker enforces it). */
export const tabsEs: Record<keyof typeof tabsEn, string> = {
  'tabs.unread': '{{count}} sin leer',
  'tabs.idle': 'inactiva {{time}}',
  'tabs.idleTitle': 'Desde su último mensaje a este cliente: {{time}}',
  'tabs.notifyTitle': 'Nuevo mensaje de {{name}}',
  'tabs.shortcutsHelp':
    'Sesiones: en la lista de pestañas Sesiones, las flechas Izquierda y Derecha (Inicio, Fin) cambian de sesión. En cualquier lugar, Alt+Mayús+Abajo y Alt+Mayús+Arriba van a la sesión siguiente y anterior, Alt+Mayús+U a la siguiente sesión con mensajes sin leer. El círculo de una pestaña pasa a triángulo amarillo y luego a cuadrado rojo según pasa el tiempo desde su último mensaje a ese cliente.',
  'prefs.open': 'Preferencias',
  'tabs.opening': 'Se muestran los últimos mensajes mientras se abre la sesión completa…',
}
