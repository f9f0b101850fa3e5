import type { joinEn } from './joinStrings'

/** Spanish: every key of the English strings (the type checker enforces it). */
export const joinEs: Record<keyof typeof joinEn, string> = {
  'console.title': 'Consola del representante',
  'console.signedInAs': 'Representante: {{name}}',
  'console.newSession': 'Nueva sesión',
  'console.noSessions': 'No hay sesiones abiertas. Inicie una con Nueva sesión y envíe el enlace al cliente.',
  'console.sessions': 'Sesiones',
  'console.waiting': 'Esperando al cliente',
  'console.customerLink': 'Enlace para el cliente',
  'console.copyLink': 'Copiar enlace',
  'console.copied': 'Copiado',
  'console.copyCode': 'Copiar código',
  'console.copyFailed': 'No se pudo copiar: seleccione el texto y cópielo usted.',
  'console.joinInfo': 'Enlace para el cliente y código de sesión',
  'console.linkHelp': 'Envíe este enlace al cliente. La clave que sigue a # nunca llega a ningún servidor.',
  'console.sessionCode': 'Código de sesión',
  'console.sessionCodeHelp': 'En lugar del enlace, el cliente puede abrir {{url}} y escribir este código. Funciona una vez, durante {{minutes}} minutos.',
}
