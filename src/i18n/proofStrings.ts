/** Strings of what was refused to customer-room peers that could not prove themselves, English, spread into consoleDialogStrings.ts (only the reps' view flags them); the Spanish is in the sibling .es.ts module (its own chunk, issue 20). */

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
