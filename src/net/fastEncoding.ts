/**
 * lib0's encoding module as Yjs sees it in the browser build (vite.config.ts resolves `lib0/encoding` to
 * this file for imports made from inside yjs): the same functions, with strings copied into the encoder
 * at once. lib0 encodes a string of up to 10,000 characters into a scratch buffer and then copies it into
 * the encoder one byte at a time (`write`, with a bounds check per byte); Yjs encodes every entry's text
 * that way each time it writes an update: a transaction's update for its listeners (persistence, other
 * peers), a sync answer, a merge of stored updates. At a late join into a 10 MB session that byte loop was
 * the biggest item of the customer page's profile (BENCHMARKS.md, lateJoin).
 *
 * - `writeVarString`: the same bytes (UTF-8 by `TextEncoder.encodeInto`, as lib0's native path), copied with
 *   one `set` once longer than `BYTE_LOOP_MAX` (shorter ones, an entry's keys and kinds, are cheaper a byte at
 *   a time).
 * - `writeAny`: lib0's value format, with its strings and object keys written by the above; numbers,
 *   booleans, null, undefined, bigints and bytes go to lib0's own `writeAny`.
 *
 * The output is identical to lib0's for every input (tests/net/fastEncoding.test.ts).
 */
import * as encoding from 'lib0/encoding'

export * from 'lib0/encoding'

/** Strings whose UTF-8 is at most this many bytes are copied a byte at a time; longer ones with one `set`. */
const BYTE_LOOP_MAX = 48

const utf8 = new TextEncoder()
let scratch = new Uint8Array(30_000)

/** Writes a length-prefixed UTF-8 string (lib0's format). */
export const writeVarString = (encoder: encoding.Encoder, str: string): void => {
  // UTF-8 needs at most 3 bytes per UTF-16 unit (a surrogate pair: 4 bytes for 2 units).
  if (str.length * 3 > scratch.length) scratch = new Uint8Array(str.length * 3)
  const written = utf8.encodeInto(str, scratch).written
  encoding.writeVarUint(encoder, written)
  if (written <= BYTE_LOOP_MAX) {
    for (let i = 0; i < written; i++) encoding.write(encoder, scratch[i]!)
  } else {
    encoding.writeUint8Array(encoder, scratch.subarray(0, written))
  }
}

/** Writes a value in lib0's `any` format. */
export const writeAny = (encoder: encoding.Encoder, data: unknown): void => {
  if (typeof data === 'string') {
    encoding.write(encoder, 119) // lib0's type tag: string
    writeVarString(encoder, data)
  } else if (typeof data === 'object' && data !== null && !(data instanceof Uint8Array)) {
    if (Array.isArray(data)) {
      encoding.write(encoder, 117) // array
      encoding.writeVarUint(encoder, data.length)
      for (const item of data) writeAny(encoder, item)
    } else {
      encoding.write(encoder, 118) // object
      const keys = Object.keys(data)
      encoding.writeVarUint(encoder, keys.length)
      for (const key of keys) {
        writeVarString(encoder, key)
        writeAny(encoder, (data as Record<string, unknown>)[key])
      }
    }
  } else {
    encoding.writeAny(encoder, data as Parameters<typeof encoding.writeAny>[1])
  }
}
