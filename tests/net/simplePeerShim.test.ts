// The browser build's stand-in for readable-stream under simple-peer (shims/simple-peer): what simple-peer and
// Asiste's peer guard call on a peer must behave like Node's emitter, or the app fails only in the browser.
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
const { Duplex } = require('../../shims/simple-peer/readable-stream.cjs') as { Duplex: new () => { on(name: string, listener: (value: string) => void): unknown; prependListener(name: string, listener: (value: string) => void): unknown; emit(name: string, value: string): boolean } }

describe('the readable-stream stand-in', () => {
  it('prependListener runs before listeners added earlier (the peer guard watches each message before y-webrtc)', () => {
    const stream = new Duplex()
    const calls: string[] = []
    stream.on('data', (value) => calls.push(`y-webrtc ${value}`))
    stream.prependListener('data', (value) => calls.push(`guard ${value}`))
    stream.emit('data', 'm1')
    expect(calls).toEqual(['guard m1', 'y-webrtc m1'])
  })
})
