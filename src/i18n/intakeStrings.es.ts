import type { intakeEn } from './intakeStrings'

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
}
