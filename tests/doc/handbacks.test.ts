// Sessions handed back to the team's queue (src/doc/handbacks.ts): rows, claims and the winner rule.
import { describe, expect, it } from 'vitest'
import * as fc from 'fast-check'
import * as Y from 'yjs'
import { handbackWinner, markHandbackTaken, putHandback, putHandbackClaim, readHandbackClaims, readHandbacks, type HandbackClaim } from '../../src/doc/handbacks'

describe('handbacks', () => {
  it('round-trips a handback and its claims; a claim filed under another rep id is ignored', () => {
    const doc = new Y.Doc()
    const handback = { id: 'h1', sessionId: 's1', customerName: 'Hugo', fromId: 'ana', fromName: 'Ana', comment: 'billing', at: 10, state: 'waiting' as const }
    putHandback(doc, handback)
    putHandbackClaim(doc, 'h1', { repId: 'bruno', repName: 'Bruno', at: 20 })
    doc.getMap('handbackClaims').set('h1:ciro', { repId: 'mallory', repName: 'M', at: 0 })
    expect(readHandbacks(doc)).toEqual([handback])
    expect(readHandbackClaims(doc, 'h1')).toEqual([{ repId: 'bruno', repName: 'Bruno', at: 20 }])
    markHandbackTaken(doc, handback, { repId: 'bruno', repName: 'Bruno', at: 20 })
    expect(readHandbacks(doc)[0]).toMatchObject({ state: 'taken', takenBy: { repId: 'bruno', repName: 'Bruno' } })
  })

  it('every order of the same claims gives the same winner (property)', () => {
    const claim = fc.record({ repId: fc.constantFrom('ana', 'bruno', 'ciro', 'dora'), repName: fc.constant('x'), at: fc.integer({ min: 0, max: 100 }) }) as fc.Arbitrary<HandbackClaim>
    fc.assert(
      fc.property(fc.uniqueArray(claim, { minLength: 1, maxLength: 4, selector: (c) => c.repId }), fc.integer({ min: 0, max: 100 }), (claims, at) => {
        const winner = handbackWinner(claims, at)
        expect(handbackWinner([...claims].reverse(), at)).toEqual(winner)
        expect(handbackWinner([...claims.slice(1), ...claims.slice(0, 1)], at)).toEqual(winner)
        for (const other of claims) expect(Math.max(other.at, at) >= Math.max(winner?.at ?? 0, at)).toBe(true)
      }),
    )
  })
})
