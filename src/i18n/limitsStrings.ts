/** Strings of the per-peer limits (issue 18), spread into en.ts and es.ts. */

/** English. */
export const limitsEn = {
  'files.failed.busy': 'Refused: too many transfers at once. Try again when one has finished.',
  'storage.nearQuota': 'This browser is running out of storage for Asiste ({{used}} of {{quota}}). Export and delete old sessions.',
  'storage.sessionFull': 'This session has reached its storage limit ({{max}}); new messages from the customer side are not stored.',
} as const

/** Spanish. */
export const limitsEs: Record<keyof typeof limitsEn, string> = {
  'files.failed.busy': 'Rechazado: demasiadas transferencias a la vez. Vuelva a intentarlo cuando termine una.',
  'storage.nearQuota': 'Este navegador se está quedando sin espacio para Asiste ({{used}} de {{quota}}). Exporte y borre sesiones antiguas.',
  'storage.sessionFull': 'Esta sesión alcanzó su límite de almacenamiento ({{max}}); los mensajes nuevos del lado del cliente no se guardan.',
}
