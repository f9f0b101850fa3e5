/**
 * Variables in scripted texts: `{{customer.name}}`, `{{ rep.name }}`, … Pure
 * string functions (no DOM), so the picker, the composer and tests agree on
 * what a variable is and on what is still missing before a text may be sent.
 */

/** `{{ name }}` with optional spaces inside the braces; a name starts with a lowercase letter. */
const VARIABLE = /\{\{\s*([a-z][a-zA-Z0-9_.]*)\s*\}\}/g

/** Variables the rep console fills in by itself (others are asked for when a script is inserted). */
export const STANDARD_VARIABLES = ['customer.name', 'customer.request', 'rep.name', 'session.id'] as const

/** What `fillVariables` made of a text. */
export interface FilledText {
  /** The text with every known, non-blank variable replaced; missing ones are left as written. */
  text: string
  /** Names of variables without a usable value, unique, in order of first appearance. */
  missing: string[]
}

/** The value of `name` when it is an own, non-blank string of `values` (names like `constructor` must not reach the prototype). */
function usableValue(values: Record<string, string>, name: string): string | undefined {
  if (!Object.hasOwn(values, name)) return undefined
  const value: unknown = values[name]
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

/**
 * Replaces every variable that has a non-blank value. One pass over the
 * template: a value that itself contains `{{x}}` is inserted literally, never
 * expanded again. `encode` transforms each value before insertion (URL
 * scripts pass `encodeURIComponent`).
 */
export function fillVariables(text: string, values: Record<string, string>, encode: (value: string) => string = (value) => value): FilledText {
  const missing = new Set<string>()
  const filled = text.replace(VARIABLE, (raw: string, name: string) => {
    const value = usableValue(values, name)
    if (value === undefined) {
      missing.add(name)
      return raw
    }
    return encode(value)
  })
  return { text: filled, missing: [...missing] }
}
