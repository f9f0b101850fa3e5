import { describe, expect, test } from 'vitest'
import { fillVariables } from '../../src/doc/variables'

describe('fillVariables', () => {
  test('replaces every occurrence of a known variable', () => {
    const filled = fillVariables('Hello {{customer.name}}, I am {{ rep.name }}. Bye {{customer.name}}', { 'customer.name': 'Carla', 'rep.name': 'Ana' })
    expect(filled).toEqual({ text: 'Hello Carla, I am Ana. Bye Carla', missing: [] })
  })

  test('reports unknown variables as missing and leaves them in place', () => {
    expect(fillVariables('Ticket {{ticket}} for {{customer.name}}', { 'customer.name': 'Carla' })).toEqual({
      text: 'Ticket {{ticket}} for Carla',
      missing: ['ticket'],
    })
  })

  test('counts an empty or whitespace-only value as missing', () => {
    expect(fillVariables('{{a}}-{{b}}-{{c}}', { a: '', b: ' \n\t', c: 'ok' })).toEqual({ text: '{{a}}-{{b}}-ok', missing: ['a', 'b'] })
  })

  test('lists a missing variable once even when it appears several times', () => {
    expect(fillVariables('{{x}} {{ x }}', {}).missing).toEqual(['x'])
  })

  test('inserts a value containing braces literally, without expanding it again', () => {
    const filled = fillVariables('Hi {{customer.name}}', { 'customer.name': '{{rep.name}}', 'rep.name': 'Ana' })
    expect(filled).toEqual({ text: 'Hi {{rep.name}}', missing: [] })
  })

  test('inserts replacement patterns such as $& literally', () => {
    expect(fillVariables('Pay {{amount}}', { amount: "$& $1 $'" }).text).toBe("Pay $& $1 $'")
  })

  test('never reads names from the object prototype', () => {
    expect(fillVariables('{{constructor}} {{toString}} {{__proto__}}', {})).toEqual({
      text: '{{constructor}} {{toString}} {{__proto__}}',
      missing: ['constructor', 'toString'],
    })
  })

  test('encodes values when asked (URL scripts)', () => {
    const filled = fillVariables('https://kb.example/?q={{customer.request}}', { 'customer.request': 'no print & fax' }, encodeURIComponent)
    expect(filled.text).toBe('https://kb.example/?q=no%20print%20%26%20fax')
  })
})
