/** ICE_TRANSPORT_POLICY: read from the deploy's environment, served in /config.json, and accepted by the client's parser. */
import { describe, expect, it } from 'vitest'
import { ConfigError, readRuntimeConfig } from '../../server/runtimeConfig.ts'
import { parseNetConfig } from '../../src/net/config.ts'

describe('ICE transport policy', () => {
  it('is absent by default and relay or all when set', () => {
    expect(readRuntimeConfig({})).toEqual({ signaling: [], iceServers: [] })
    expect(readRuntimeConfig({ ICE_TRANSPORT_POLICY: ' Relay ' }).iceTransportPolicy).toBe('relay')
    expect(readRuntimeConfig({ ICE_TRANSPORT_POLICY: 'all' }).iceTransportPolicy).toBe('all')
  })

  it('refuses anything else with a message naming the variable', () => {
    expect(() => readRuntimeConfig({ ICE_TRANSPORT_POLICY: 'turn-only' })).toThrow(ConfigError)
    expect(() => readRuntimeConfig({ ICE_TRANSPORT_POLICY: 'turn-only' })).toThrow(/ICE_TRANSPORT_POLICY/)
  })

  it('reaches the client config; an unknown value from the wire is dropped', () => {
    const fallback = 'ws://localhost/signal'
    expect(parseNetConfig({ iceServers: [], iceTransportPolicy: 'relay' }, fallback)).toEqual({ signaling: [fallback], iceServers: [], iceTransportPolicy: 'relay' })
    expect(parseNetConfig({ iceTransportPolicy: 'sometimes' }, fallback)).toEqual({ signaling: [fallback], iceServers: [] })
  })
})
