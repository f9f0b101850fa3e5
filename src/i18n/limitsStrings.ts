/** Strings of the per-peer limits (issue 18), spread into en.ts and es.ts. */

/** English. */
export const limitsEn = {
  'files.failed.busy': 'Refused: too many transfers at once. Try again when one has finished.',
  'storage.nearQuota': 'This browser is running out of storage for Asiste ({{used}} of {{quota}}). Export and delete old sessions.',
  'storage.sessionFull':
    'This session reached its storage limit on this device ({{max}}). What others add to the customer’s copy is no longer saved here ({{refused}} not saved so far). The session record, with your messages and the customer’s, is still saved; export the session to keep a copy.',
  'storage.customerFull': 'This conversation reached its storage limit on this device ({{max}}): new messages from others are shown but not saved here. Your own messages are still saved.',
} as const

/** Spanish. */
export const limitsEs: Record<keyof typeof limitsEn, string> = {
  'files.failed.busy': 'Rechazado: demasiadas transferencias a la vez. Vuelva a intentarlo cuando termine una.',
  'storage.nearQuota': 'Este navegador se está quedando sin espacio para Asiste ({{used}} de {{quota}}). Exporte y borre sesiones antiguas.',
  'storage.sessionFull':
    'Esta sesión alcanzó su límite de almacenamiento en este dispositivo ({{max}}). Lo que otros añaden a la copia del cliente ya no se guarda aquí ({{refused}} sin guardar hasta ahora). El registro de la sesión, con sus mensajes y los del cliente, se sigue guardando; exporte la sesión para conservar una copia.',
  'storage.customerFull': 'Esta conversación alcanzó su límite de almacenamiento en este dispositivo ({{max}}): los mensajes nuevos de otros se muestran pero no se guardan aquí. Sus propios mensajes se siguen guardando.',
}
