// The team portal's route (`#/p/<portalId>.<sealKey>.<signKey>`): public keys only, malformed links are bad links.
import { describe, expect, it } from 'vitest'
import { parseRoute, teamPortalLink } from '../../src/app/shell/routes'

const SEAL = 'B'.repeat(87)
const SIGN = 'S'.repeat(43)

describe('team portal route', () => {
  it('round-trips a portal link', () => {
    const link = teamPortalLink('https://help.example', 'portal123', SEAL, SIGN)
    expect(link).toBe(`https://help.example/#/p/portal123.${SEAL}.${SIGN}`)
    expect(parseRoute(new URL(link).hash)).toEqual({ page: 'request', portalId: 'portal123', sealKey: SEAL, signKey: SIGN })
  })

  it('a link with a short key, a missing key or junk is a bad link', () => {
    for (const hash of [`#/p/portal123.${SEAL.slice(1)}.${SIGN}`, `#/p/portal123.${SEAL}`, '#/p/portal123', `#/p/po.${SEAL}.${SIGN}`, `#/p/portal123.${SEAL}.${SIGN}!`]) {
      expect(parseRoute(hash), hash).toEqual({ page: 'badLink' })
    }
  })
})
