import * as encoding from 'lib0/encoding'

/** The bytes `write` puts into a fresh lib0 encoder. */
export function encoded(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}
