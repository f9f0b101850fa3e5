/** Runtime checks for values read from peers' updates, which are untrusted. */

/** A plain JSON object (not an array, not null, not a Y type). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** A string no longer than `max`, or undefined. */
export function boundedString(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value.length <= max ? value : undefined
}

/** Names that are id-safe characters but alter or shadow a plain object when used as its key. */
const OBJECT_KEYWORDS = new Set(['__proto__', 'constructor', 'prototype'])

/** A non-empty string of at most `max` chars made only of id-safe characters (and usable as an object key). */
export function idString(value: unknown, max: number): string | undefined {
  return typeof value === 'string' &&
    value.length > 0 &&
    value.length <= max &&
    /^[A-Za-z0-9_.:-]+$/.test(value) &&
    !OBJECT_KEYWORDS.has(value)
    ? value
    : undefined
}

/** The largest time a JavaScript Date can hold (ms): beyond it `toISOString` throws. */
const MAX_DATE_MS = 8.64e15

/** A time in ms a Date can represent (finite, non-negative), or undefined. */
export function timestamp(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_DATE_MS ? value : undefined
}

/** `value` if it is one of `options`, else undefined. */
export function oneOf<T extends string>(value: unknown, options: readonly T[]): T | undefined {
  return typeof value === 'string' && (options as readonly string[]).includes(value) ? (value as T) : undefined
}
