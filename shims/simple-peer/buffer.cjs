'use strict'
/* global module -- CommonJS on purpose: simple-peer require()s it and calls what it gets */
/**
 * Stand-in for the `buffer` package (≈20 kB gzip) under simple-peer in the
 * browser build: simple-peer only wraps an incoming ArrayBuffer with
 * `Buffer.from`, and its readers (y-webrtc, lib0 decoders) want a Uint8Array.
 */
const Buffer = {
  from (data) {
    return data instanceof Uint8Array ? data : new Uint8Array(data)
  },
}

module.exports = { Buffer }
