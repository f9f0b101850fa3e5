/** Text helpers shared by every search (History's index, the scripted-item picker). */

const MARKS = /\p{M}/gu

/** Folds text for matching: decomposes, drops accents, lower-cases (`informacion` finds `Información`). */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase()
}
