/** Strings of teams, invitations, hidden reps and rep-only messages (English, spread into en.ts; the Spanish is in teamStrings.es.ts, its own chunk, issue 20). */
export const teamEn = {
  'status.invited': '{{name}} was invited (reps only)',
  'sendTo.label': 'Send to',
  'sendTo.all': 'Customer and reps',
  'sendTo.reps': 'Reps only',
  'entry.repsOnly': 'Reps only',
} as const
