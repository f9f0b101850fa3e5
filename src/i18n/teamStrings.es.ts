import type { teamEn } from './teamStrings'

/** Spanish strings for the keys above. */
export const teamEs: Record<keyof typeof teamEn, string> = {
  'status.invited': 'Se invitó a {{name}} (solo representantes)',
  'sendTo.label': 'Enviar a',
  'sendTo.all': 'Cliente y representantes',
  'sendTo.reps': 'Solo representantes',
  'entry.repsOnly': 'Solo representantes',
}
