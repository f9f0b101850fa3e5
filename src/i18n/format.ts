/** Numbers shown to people, the same in every view and note, in the UI language (Intl: unit style, relative times). */
import { lang, type Lang } from './i18n'

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const
type ByteUnit = (typeof BYTE_UNITS)[number]

const byteFormats = new Map<string, Intl.NumberFormat>()
function byteFormat(current: Lang, unit: ByteUnit): Intl.NumberFormat {
  const id = `${current}:${unit}`
  let format = byteFormats.get(id)
  // "13 bytes" in words (the short form reads "13 byte"); one decimal above that, as progress bars move.
  if (!format) byteFormats.set(id, (format = new Intl.NumberFormat(current, { style: 'unit', unit, unitDisplay: unit === 'byte' ? 'long' : 'short', maximumFractionDigits: unit === 'byte' ? 0 : 1 })))
  return format
}

/** Human size for notes and the UI: powers of 1024, at most one decimal, localized ("293.4 kB", "293,4 kB"). */
export function formatBytes(bytes: number): string {
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024
    unit += 1
  }
  return byteFormat(lang(), BYTE_UNITS[unit] ?? 'byte').format(value)
}

const durationFormats = new Map<string, Intl.NumberFormat>()
/** A duration in its largest whole unit: "45 sec", "3 min", "2 hr" (Spanish "45 s", "3 min", "2 h"). */
export function formatDuration(seconds: number): string {
  const [unit, value] = seconds < 60 ? (['second', seconds] as const) : seconds < 3_600 ? (['minute', Math.floor(seconds / 60)] as const) : (['hour', Math.floor(seconds / 3_600)] as const)
  const current = lang()
  const id = `${current}:${unit}`
  let format = durationFormats.get(id)
  if (!format) durationFormats.set(id, (format = new Intl.NumberFormat(current, { style: 'unit', unit, unitDisplay: 'short' })))
  return format.format(value)
}

const relativeFormats = new Map<Lang, Intl.RelativeTimeFormat>()
const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
]

/** "5 minutes ago", "yesterday", "hace 3 días": `then` relative to `now`, in the largest unit that fits. */
export function formatRelative(then: number, now: number): string {
  const current = lang()
  let format = relativeFormats.get(current)
  if (!format) relativeFormats.set(current, (format = new Intl.RelativeTimeFormat(current, { numeric: 'auto' })))
  let value = (then - now) / 1000
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(value) < size) return format.format(Math.round(value), unit)
    value /= size
  }
  return format.format(Math.round(value), 'year')
}
