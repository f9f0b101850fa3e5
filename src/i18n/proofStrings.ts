/** Strings of what was refused to customer-room peers that could not prove themselves, spread into en.ts and es.ts. */

/** English. */
export const proofEn = {
  'refused.presence': 'Refused: {{peer}} tried to change who {{victim}} is in the customer room.',
  'refused.screen': 'Refused: the customer’s screen was not sent to {{peer}}, who claims to be a representative but could not prove it.',
  'refused.fileOut': 'Refused: the customer’s file was not sent to {{peer}}, who claims to be a representative but could not prove it.',
  'refused.fileIn': 'Refused: the customer’s page did not take a file from {{peer}}, who could not prove to be a representative.',
  'refused.peerNamed': '“{{name}}” (peer {{id}})',
  'refused.peerAnonymous': 'a peer with no name (peer {{id}})',
  'refused.someone': 'someone',
} as const

/** Spanish. */
export const proofEs: Record<keyof typeof proofEn, string> = {
  'refused.presence': 'Rechazado: {{peer}} intentó cambiar quién es {{victim}} en la sala del cliente.',
  'refused.screen': 'Rechazado: la pantalla del cliente no se envió a {{peer}}, que dice ser representante pero no pudo demostrarlo.',
  'refused.fileOut': 'Rechazado: el archivo del cliente no se envió a {{peer}}, que dice ser representante pero no pudo demostrarlo.',
  'refused.fileIn': 'Rechazado: la página del cliente no aceptó un archivo de {{peer}}, que no pudo demostrar ser representante.',
  'refused.peerNamed': '«{{name}}» (participante {{id}})',
  'refused.peerAnonymous': 'un participante sin nombre (participante {{id}})',
  'refused.someone': 'alguien',
}
