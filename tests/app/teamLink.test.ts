import { describe, expect, it } from 'vitest'
import { parseTeamLink, teamLink } from '../../src/app/console/teamConnection'

describe('team links', () => {
  const membership = { teamId: 'team_01', secret: 'S'.repeat(22), name: 'Support' }
  it('a team link round-trips; the secret is in the fragment', () => {
    const link = teamLink('https://asiste.example', membership)
    expect(new URL(link).hash).toBe(`#/team/team_01.${'S'.repeat(22)}`)
    expect(parseTeamLink(link)).toEqual({ teamId: 'team_01', secret: 'S'.repeat(22) })
  })
  it('anything else is not a team link', () => {
    expect(parseTeamLink('https://asiste.example/#/join/abcdef.' + 'k'.repeat(22))).toBeUndefined()
    expect(parseTeamLink('#/team/team_01.short')).toBeUndefined()
    expect(parseTeamLink('hello')).toBeUndefined()
  })
})
