'use strict'
/* global module -- CommonJS on purpose: simple-peer require()s it and calls what it gets */
/**
 * Stand-in for `debug` under simple-peer in the browser build: its trace
 * lines are never enabled in Asiste's pages, so the logger is a no-op.
 */
module.exports = function createDebug () {
  return function debug () {}
}
