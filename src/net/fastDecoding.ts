/**
 * lib0's decoding module as Yjs sees it in the browser build (vite.config.ts
 * resolves `lib0/decoding` to this file for imports made from inside yjs): the
 * same functions, with three read paths that allocate less. Opening a stored
 * session is Yjs decoding every entry, and lib0 reads each string through a
 * fresh `Uint8Array` view handed to `TextDecoder`, and each float through a
 * fresh `DataView`: at 100,000 entries that is ~1.5 million views and native
 * calls, most of the open's decode time and garbage (BENCHMARKS.md, bigSession).
 *
 * - `readVarString`: a short string whose bytes are all ASCII (an entry's keys,
 *   ids, kinds, names) is built from its bytes directly, and a very short one
 *   that was just read is handed out again (strings are immutable; a
 *   transcript repeats `chat`, `all`, author ids and names on every entry);
 *   anything else (longer, or any byte ≥ 0x80) goes to lib0's own reader, so
 *   UTF-8 handling and its errors are lib0's.
 * - `readFloat64`: copies the 8 bytes into one reused buffer.
 * - `readAny`: lib0's value format, read with the two above.
 *
 * The results are identical to lib0's for every input (tests/net/fastDecoding.test.ts).
 */
import * as decoding from 'lib0/decoding'

export * from 'lib0/decoding'

/** Strings up to this many bytes are built in JavaScript when ASCII; longer ones go to TextDecoder (cheaper per byte). */
const SHORT_STRING_BYTES = 64

/**
 * ASCII strings up to this many bytes are shared: a transcript repeats a few short values on every entry
 * (kind, audience, author id, name and role), and each read would otherwise be a string of its own.
 */
const SHARED_STRING_BYTES = 16
const sharedStrings: (string | undefined)[] = new Array<string | undefined>(4096)

const floatBytes = new Uint8Array(8)
const floatView = new DataView(floatBytes.buffer)
const charCodes: number[] = []

/** Reads a length-prefixed UTF-8 string (lib0's format). */
export const readVarString = (decoder: decoding.Decoder): string => {
  const start = decoder.pos
  const length = decoding.readVarUint(decoder)
  const bytes = decoder.arr
  const from = decoder.pos
  const end = from + length
  if (length <= SHORT_STRING_BYTES && end <= bytes.length) {
    let hash = length
    let i = from
    for (; i < end; i++) {
      const byte = bytes[i]!
      if (byte > 0x7f) break
      hash = (Math.imul(hash, 31) + byte) | 0
    }
    if (i === end) {
      decoder.pos = end
      const slot = length <= SHARED_STRING_BYTES ? (hash ^ (hash >>> 12)) & 4095 : -1
      const known = slot >= 0 ? sharedStrings[slot] : undefined
      if (known !== undefined && known.length === length && sameAscii(known, bytes, from)) return known
      // One flat string from the codes (concatenating characters builds a chain of string pieces).
      charCodes.length = length
      for (let j = 0; j < length; j++) charCodes[j] = bytes[from + j]!
      const text = String.fromCharCode.apply(null, charCodes)
      if (slot >= 0) sharedStrings[slot] = text
      return text
    }
  }
  decoder.pos = start
  return decoding.readVarString(decoder)
}

function sameAscii(text: string, bytes: Uint8Array, from: number): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== bytes[from + i]) return false
  return true
}

/** Reads a big-endian IEEE 754 double (lib0's format). */
export const readFloat64 = (decoder: decoding.Decoder): number => {
  const from = decoder.pos
  const bytes = decoder.arr
  if (from + 8 > bytes.length) return decoding.readFloat64(decoder) // lib0 throws its own error
  for (let i = 0; i < 8; i++) floatBytes[i] = bytes[from + i]!
  decoder.pos = from + 8
  return floatView.getFloat64(0, false)
}

/** Reads one value of lib0's `writeAny` format. */
export const readAny = (decoder: decoding.Decoder): unknown => {
  const tag = decoding.readUint8(decoder)
  switch (tag) {
    case 127:
      return undefined
    case 126:
      return null
    case 125:
      return decoding.readVarInt(decoder)
    case 124:
      return decoding.readFloat32(decoder)
    case 123:
      return readFloat64(decoder)
    case 122:
      return decoding.readBigInt64(decoder)
    case 121:
      return false
    case 120:
      return true
    case 119:
      return readVarString(decoder)
    case 118: {
      const count = decoding.readVarUint(decoder)
      const object: Record<string, unknown> = {}
      for (let i = 0; i < count; i++) {
        const key = readVarString(decoder)
        object[key] = readAny(decoder)
      }
      return object
    }
    case 117: {
      const count = decoding.readVarUint(decoder)
      const list: unknown[] = []
      for (let i = 0; i < count; i++) list.push(readAny(decoder))
      return list
    }
    case 116:
      return decoding.readVarUint8Array(decoder)
    default:
      // lib0 calls an undefined table slot here (a TypeError); keep failing the same way.
      throw new TypeError(`unknown value tag ${tag}`)
  }
}
