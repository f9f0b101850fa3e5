/**
 * The emoji picker's curated set: what support chats use (greetings, thanks,
 * yes/no, feelings, common objects), each with its name in English and
 * Spanish — the button's accessible name and what the picker's search matches.
 */
import type { Lang } from './i18n'

/** One emoji and its names. */
export interface EmojiChoice {
  char: string
  en: string
  es: string
}

/** The curated set, in picker order. */
export const EMOJI: readonly EmojiChoice[] = [
  { char: '😀', en: 'grinning face', es: 'cara sonriente' },
  { char: '🙂', en: 'slightly smiling face', es: 'cara con leve sonrisa' },
  { char: '😊', en: 'smiling face with smiling eyes', es: 'cara feliz con ojos sonrientes' },
  { char: '😉', en: 'winking face', es: 'cara guiñando un ojo' },
  { char: '😂', en: 'face with tears of joy', es: 'cara llorando de risa' },
  { char: '😅', en: 'grinning face with sweat', es: 'cara sonriente con sudor' },
  { char: '🤔', en: 'thinking face', es: 'cara pensativa' },
  { char: '😐', en: 'neutral face', es: 'cara neutral' },
  { char: '😕', en: 'confused face', es: 'cara de confusión' },
  { char: '😟', en: 'worried face', es: 'cara preocupada' },
  { char: '😢', en: 'crying face', es: 'cara llorando' },
  { char: '😮', en: 'face with open mouth', es: 'cara con la boca abierta' },
  { char: '😴', en: 'sleeping face', es: 'cara durmiendo' },
  { char: '🙏', en: 'folded hands (thank you, please)', es: 'manos juntas (gracias, por favor)' },
  { char: '👍', en: 'thumbs up', es: 'pulgar hacia arriba' },
  { char: '👎', en: 'thumbs down', es: 'pulgar hacia abajo' },
  { char: '👋', en: 'waving hand (hello, goodbye)', es: 'mano saludando (hola, adiós)' },
  { char: '👏', en: 'clapping hands', es: 'aplausos' },
  { char: '🙌', en: 'raising hands', es: 'manos levantadas' },
  { char: '👌', en: 'OK hand', es: 'mano haciendo el signo de OK' },
  { char: '💪', en: 'flexed biceps', es: 'bíceps flexionado' },
  { char: '👀', en: 'eyes (looking)', es: 'ojos (mirando)' },
  { char: '✅', en: 'check mark (done)', es: 'marca de verificación (hecho)' },
  { char: '❌', en: 'cross mark', es: 'marca de cruz' },
  { char: '⚠️', en: 'warning', es: 'advertencia' },
  { char: '❓', en: 'question mark', es: 'signo de interrogación' },
  { char: '❗', en: 'exclamation mark', es: 'signo de exclamación' },
  { char: '⏳', en: 'hourglass (please wait)', es: 'reloj de arena (espere, por favor)' },
  { char: '🎉', en: 'party popper', es: 'confeti' },
  { char: '❤️', en: 'red heart', es: 'corazón rojo' },
  { char: '⭐', en: 'star', es: 'estrella' },
  { char: '🔥', en: 'fire', es: 'fuego' },
  { char: '💡', en: 'light bulb (idea)', es: 'bombilla (idea)' },
  { char: '🔧', en: 'wrench', es: 'llave inglesa' },
  { char: '⚙️', en: 'gear (settings)', es: 'engranaje (configuración)' },
  { char: '🔒', en: 'locked', es: 'candado cerrado' },
  { char: '🔑', en: 'key', es: 'llave' },
  { char: '💻', en: 'laptop', es: 'portátil' },
  { char: '🖥️', en: 'desktop computer', es: 'ordenador de sobremesa' },
  { char: '📱', en: 'mobile phone', es: 'teléfono móvil' },
  { char: '🖨️', en: 'printer', es: 'impresora' },
  { char: '📧', en: 'e-mail', es: 'correo electrónico' },
  { char: '📎', en: 'paperclip (attachment)', es: 'clip (adjunto)' },
  { char: '📷', en: 'camera (screenshot)', es: 'cámara (captura de pantalla)' },
  { char: '🔄', en: 'arrows (restart, refresh)', es: 'flechas (reiniciar, actualizar)' },
  { char: '☕', en: 'hot beverage', es: 'bebida caliente' },
  { char: '🚀', en: 'rocket', es: 'cohete' },
  { char: '🐛', en: 'bug', es: 'bicho (error)' },
]

/** The emoji whose name in `lang` contains `query` (accents and case ignored), in picker order. */
export function searchEmoji(query: string, lang: Lang): EmojiChoice[] {
  const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase()
  const needle = fold(query.trim())
  return needle === '' ? [...EMOJI] : EMOJI.filter((emoji) => fold(emoji[lang]).includes(needle))
}
