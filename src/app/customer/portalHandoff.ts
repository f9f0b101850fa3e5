/**
 * Hands an accepted portal intake over to the session page: the portal page
 * knows what the customer typed and holds the identity the rep accepted; the
 * join page (same page, a new hash) writes that intake into the session. The
 * identity is also saved on the device, so a reload in between still joins
 * with the accepted key (the customer then types the intake again).
 */
/** What the customer typed at intake (customerSession.ts's IntakeForm; kept here so the two modules do not import each other). */
export interface IntakeForm {
  name: string
  request: string
  system: Record<string, string>
}

const handed = new Map<string, IntakeForm>()

/** Leaves `form` for the session page of `sessionId`. */
export function handOverIntake(sessionId: string, form: IntakeForm): void {
  handed.set(sessionId, form)
}

/** Takes (once) the intake handed over for `sessionId`. */
export function takeHandedIntake(sessionId: string): IntakeForm | undefined {
  const form = handed.get(sessionId)
  handed.delete(sessionId)
  return form
}
