import { describe, expect, it } from 'vitest'
import { customerLink, joinHash, parseRoute, portalLink } from '../../src/app/shell/routes'

describe('routes', () => {
  const key = 'AbCdEfGhIjKlMnOpQrStUv'
  it('the console is the default route', () => {
    expect(parseRoute('')).toEqual({ page: 'console' })
    expect(parseRoute('#/')).toEqual({ page: 'console' })
  })
  it('a join link carries the session id and the key in the fragment', () => {
    const link = customerLink('https://asiste.example', 'sess_01-AB', key)
    expect(link).toBe(`https://asiste.example/#/join/sess_01-AB.${key}`)
    expect(parseRoute(new URL(link).hash)).toEqual({ page: 'join', sessionId: 'sess_01-AB', key })
  })
  it('a join link with a short or malformed key is a bad link, not the console', () => {
    expect(parseRoute('#/join/sess01.short')).toEqual({ page: 'badLink' })
    expect(parseRoute('#/join/sess01')).toEqual({ page: 'badLink' })
    expect(parseRoute(`#/join/se<ss.${key}`)).toEqual({ page: 'badLink' })
  })
  it('a join link carries the session verification key after the room key; links without it still open', () => {
    const authority = 'Ed25519PublicKeyAsBase64urlXXXXXXXXXXXXXXXX'.slice(0, 43)
    const link = customerLink('https://asiste.example', 'sess_01-AB', key, authority)
    expect(link).toBe(`https://asiste.example/#/join/sess_01-AB.${key}.${authority}`)
    expect(parseRoute(new URL(link).hash)).toEqual({ page: 'join', sessionId: 'sess_01-AB', key, authority })
    expect(parseRoute(joinHash('sess_01-AB', key, 'portal', authority))).toEqual({ page: 'join', sessionId: 'sess_01-AB', key, authority, via: 'portal' })
    expect(parseRoute(`#/join/sess_01-AB.${key}.short`)).toEqual({ page: 'badLink' })
  })
  it('the portal page is #/portal', () => {
    expect(parseRoute('#/portal')).toEqual({ page: 'portal' })
    expect(parseRoute(new URL(portalLink('https://asiste.example')).hash)).toEqual({ page: 'portal' })
  })
  it('a join link opened from the portal says so; any other suffix is a bad link', () => {
    expect(parseRoute(joinHash('sess_01-AB', key, 'portal'))).toEqual({ page: 'join', sessionId: 'sess_01-AB', key, via: 'portal' })
    expect(joinHash('sess_01-AB', key)).toBe(`#/join/sess_01-AB.${key}`)
    expect(parseRoute(`#/join/sess_01-AB.${key}?via=evil`)).toEqual({ page: 'badLink' })
  })
})
