'use strict'
/* global module -- CommonJS on purpose: simple-peer require()s it and calls what it gets */
/**
 * Stand-in for `randombytes` (which needs Node's `global` and the Buffer
 * package) under simple-peer in the browser build: simple-peer only asks for
 * a few random bytes as hex, for a peer's debug id and channel name.
 */
module.exports = function randombytes (size) {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(size))
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
  return { length: size, toString: () => hex }
}
