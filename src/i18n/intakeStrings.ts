/** Strings of accepting or rejecting an intake that came in through a session code, spread into en.ts and es.ts. */

/** English. */
export const intakeEn = {
  'intake.waiting': 'Waiting for your representative to accept your request…',
  'intake.accepted': 'Accepted. Opening your session…',
  'intake.rejected': 'Your representative did not accept this request. If you were expecting to chat with them, ask for a new code.',
  'intake.closed': 'This code has already been used. Ask your representative for a new one.',
  'intake.expired': 'The code stopped working before your representative answered. Ask them for a new one.',
  'intake.title': 'Someone wants to join with the session code',
  'intake.help': 'Accept only the person you gave the code to. A rejected request gets nothing of this session, and the code keeps working.',
  'intake.who': '{{name}} asks:',
  'intake.noRequest': '(no description)',
  'intake.accept': 'Accept customer',
  'intake.reject': 'Reject customer',
  'intake.ignored': 'More requests with this code are not shown: {{count}}. Someone may be trying codes.',
  'intake.notifyTitle': '{{name}} wants to start a chat',
  'intake.acceptFailed': 'This request could not be accepted: the session already has a customer, or the request is gone.',
  'customer.repVerified': 'Verified: this name comes from your session’s own key.',
  'tamper.screenRequest': 'Refused, a screen-sharing request not signed by this session’s representatives, claimed by {{name}}. The customer is not asked.',
} as const

/** Spanish. */
export const intakeEs: Record<keyof typeof intakeEn, string> = {
  'intake.waiting': 'Esperando a que su representante acepte su solicitud…',
  'intake.accepted': 'Aceptada. Abriendo su sesión…',
  'intake.rejected': 'Su representante no aceptó esta solicitud. Si esperaba hablar con él, pídale un código nuevo.',
  'intake.closed': 'Este código ya se ha usado. Pida uno nuevo a su representante.',
  'intake.expired': 'El código dejó de funcionar antes de que su representante respondiera. Pídale uno nuevo.',
  'intake.title': 'Alguien quiere entrar con el código de sesión',
  'intake.help': 'Acepte solo a la persona a la que dio el código. Una solicitud rechazada no recibe nada de esta sesión, y el código sigue funcionando.',
  'intake.who': '{{name}} pide:',
  'intake.noRequest': '(sin descripción)',
  'intake.accept': 'Aceptar cliente',
  'intake.reject': 'Rechazar cliente',
  'intake.ignored': 'Hay más solicitudes con este código que no se muestran: {{count}}. Puede que alguien esté probando códigos.',
  'intake.notifyTitle': '{{name}} quiere iniciar una conversación',
  'intake.acceptFailed': 'No se pudo aceptar esta solicitud: la sesión ya tiene un cliente, o la solicitud ya no está.',
  'customer.repVerified': 'Verificado: este nombre viene de la propia clave de su sesión.',
  'tamper.screenRequest': 'Rechazada, una solicitud para compartir pantalla que no firmaron los representantes de esta sesión, atribuida a {{name}}. Al cliente no se le pregunta.',
}
