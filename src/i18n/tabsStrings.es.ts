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
  'prefs.title': 'Preferencias del chat',
  'prefs.idleHelp': 'El icono de la pestaña de una sesión se vuelve amarillo y luego rojo cuando pasa este tiempo desde su último mensaje a ese cliente.',
  'prefs.yellowAfter': 'Amarillo tras (segundos)',
  'prefs.redAfter': 'Rojo tras (segundos)',
  'prefs.fontSize': 'Tamaño de letra predeterminado',
  'prefs.fontSizeHelp': 'Porcentaje: {{sizes}}. La herramienta Tamaño de letra parte de él.',
  'prefs.chatSound': 'Sonido del chat',
  'prefs.chatSoundHelp': 'Un pitido breve cuando un cliente escribe con la consola en segundo plano.',
  'prefs.language': 'Idioma',
  'prefs.notifications': 'Notificaciones del sistema',
  'prefs.enableNotifications': 'Activar notificaciones',
  'prefs.notificationsDefault': 'Reciba una notificación del sistema cuando un cliente escriba con la consola en segundo plano.',
  'prefs.notificationsOn': 'Las notificaciones del sistema están activadas.',
  'prefs.notificationsDenied': 'Las notificaciones están bloqueadas para este sitio. Permítalas en la configuración del sitio del navegador.',
  'prefs.notificationsUnsupported': 'Este navegador no puede mostrar notificaciones del sistema.',
  'prefs.close': 'Cerrar',
  'prefs.error.yellowInvalid': 'Amarillo tras debe ser un número entero de segundos de 1 a {{max}}. No se ha guardado.',
  'prefs.error.redInvalid': 'Rojo tras debe ser un número entero de segundos de 1 a {{max}}. No se ha guardado.',
  'prefs.error.redNotAboveYellow': 'Rojo tras debe ser mayor que Amarillo tras. No se ha guardado.',
  'prefs.error.fontSize': 'El tamaño de letra predeterminado debe ser uno de {{sizes}}. No se ha guardado.',
  'tabs.opening': 'Se muestran los últimos mensajes mientras se abre la sesión completa…',
}
