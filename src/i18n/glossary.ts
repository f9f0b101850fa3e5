/**
 * The Spanish glossary: one word for each product concept, used on every
 * screen (a catalog test holds every Spanish string to it). Written for the
 * people who translate: `use` is the term, `avoid` are the words it replaces.
 */

/** One concept of the product and how Spanish names it. */
export interface GlossaryTerm {
  /** The English term in the UI. */
  en: string
  /** The Spanish term to use. */
  use: string
  /** Words that must not appear in any Spanish string (lower case, accent as written). */
  avoid: readonly string[]
  /** Catalog keys where an avoided word means something else (e.g. "guion" as a hyphen). */
  allowIn?: readonly string[]
  /** Why this word, for whoever adds strings next. */
  why: string
}

/** Spanish terms of Asiste. */
export const SPANISH_GLOSSARY: readonly GlossaryTerm[] = [
  {
    en: 'script / scripted message',
    use: 'plantilla / mensaje predefinido',
    avoid: ['guion', 'guiones'],
    allowIn: ['portal.codeHint'],
    why: '"Guion" reads as a film script; Spanish support tools say plantillas or respuestas predefinidas.',
  },
  {
    en: 'font size',
    use: 'tamaño de letra',
    avoid: ['tamaño de fuente', 'tamaño del texto'],
    why: 'What people call it; "fuente" is typographers\' jargon.',
  },
  {
    en: 'transcript',
    use: 'conversación',
    avoid: ['transcripción', 'transcripciones'],
    why: 'The session is a chat; "transcripción" suggests audio.',
  },
  {
    en: 'request screen sharing',
    use: 'pedir ver la pantalla',
    avoid: ['pedir compartir'],
    why: '"Pedir compartir pantalla" is not Spanish syntax.',
  },
  {
    en: 'representative',
    use: 'representante',
    avoid: ['agente', 'operador'],
    allowIn: ['tools.helpRunAsService'],
    why: 'One word for the person who helps, on both pages.',
  },
]

/** The avoided words a Spanish string contains (empty when it follows the glossary). */
export function glossaryViolations(key: string, text: string): string[] {
  const lower = text.toLowerCase()
  return SPANISH_GLOSSARY.flatMap((term) =>
    term.allowIn?.includes(key) ? [] : term.avoid.filter((word) => new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'u').test(lower)),
  )
}
