'use strict'
/* global module -- CommonJS on purpose: simple-peer require()s it and calls what it gets */
/**
 * Stand-in for readable-stream (≈25 kB gzip of Node stream code) under
 * simple-peer in the browser build (vite.config.ts resolves it only for
 * imports made from simple-peer). y-webrtc and Asiste use a peer as an event
 * emitter with `send()`, never as a stream: no pipe, no `read()`. What
 * simple-peer itself touches of Duplex is kept: events, `push` (incoming
 * data, or null at the end), `end` → 'finish', `write` → `_write`, and the
 * `_readableState.ended` / `_writableState.finished` flags its `_destroy` reads.
 */
class Duplex {
  constructor () {
    this._events = new Map()
    this._readableState = { ended: false }
    this._writableState = { finished: false }
    this.readable = true
    this.writable = true
  }

  on (name, listener) {
    const list = this._events.get(name)
    if (list) list.push(listener)
    else this._events.set(name, [listener])
    return this
  }

  /** Runs `listener` before the others (Asiste's peer guard watches each message before y-webrtc handles it). */
  prependListener (name, listener) {
    const list = this._events.get(name)
    if (list) list.unshift(listener)
    else this._events.set(name, [listener])
    return this
  }

  once (name, listener) {
    const wrapper = (...args) => {
      this.removeListener(name, wrapper)
      listener.apply(this, args)
    }
    wrapper.listener = listener
    return this.on(name, wrapper)
  }

  removeListener (name, listener) {
    const list = this._events.get(name)
    if (!list) return this
    const at = list.findIndex((item) => item === listener || item.listener === listener)
    if (at >= 0) list.splice(at, 1)
    if (list.length === 0) this._events.delete(name)
    return this
  }

  removeAllListeners (name) {
    if (name === undefined) this._events.clear()
    else this._events.delete(name)
    return this
  }

  listenerCount (name) {
    return this._events.get(name)?.length ?? 0
  }

  emit (name, ...args) {
    const list = this._events.get(name)
    if (!list) return false
    for (const listener of [...list]) listener.apply(this, args)
    return true
  }

  push (chunk) {
    if (chunk === null) {
      if (this._readableState.ended) return false
      this._readableState.ended = true
      this.emit('end')
      return false
    }
    this.emit('data', chunk)
    return true
  }

  write (chunk, encoding, callback) {
    const done = typeof encoding === 'function' ? encoding : callback
    this._write(chunk, typeof encoding === 'string' ? encoding : 'buffer', (err) => {
      if (err) this.emit('error', err)
      if (done) done(err)
    })
    return true
  }

  end () {
    if (this._writableState.finished) return this
    this._writableState.finished = true
    this.writable = false
    this.emit('finish')
    return this
  }
}

Duplex.prototype.addListener = Duplex.prototype.on
Duplex.prototype.off = Duplex.prototype.removeListener

module.exports = { Duplex }
