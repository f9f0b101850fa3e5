import type { limitsEn } from './limitsStrings'

/** Spanish. */
export const limitsEs: Record<keyof typeof limitsEn, string> = {
  'files.failed.busy': 'Rechazado: demasiadas transferencias a la vez. Vuelva a intentarlo cuando termine una.',
  'storage.nearQuota': 'Este navegador se está quedando sin espacio para Asiste ({{used}} de {{quota}}). Exporte y borre sesiones antiguas.',
  'storage.sessionFull':
    'Esta sesión alcanzó su límite de almacenamiento en este dispositivo ({{max}}). Lo que otros añaden a la copia del cliente ya no se guarda aquí ({{refused}} sin guardar hasta ahora). El registro de la sesión, con sus mensajes y los del cliente, se sigue guardando; exporte la sesión para conservar una copia.',
  'storage.customerFull': 'Esta conversación alcanzó su límite de almacenamiento en este dispositivo ({{max}}): los mensajes nuevos de otros se muestran pero no se guardan aquí. Sus propios mensajes se siguen guardando.',
}
