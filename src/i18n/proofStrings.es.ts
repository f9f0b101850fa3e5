import type { proofEn } from './proofStrings'

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
