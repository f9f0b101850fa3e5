// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest'
import { render } from 'solid-js/web'
import { TamperWarnings } from '../../src/views/session/TamperWarnings'
import { setLang } from '../../src/i18n/i18n'
import type { Tampering } from '../../src/doc/tamper'
import { MAX_ATTENDEES } from '../../src/doc/attendees'

afterEach(() => {
  setLang('en')
  document.body.textContent = ''
})

const forged: Tampering = { id: '00000001a.0000.x', kind: 'forged', claimedName: 'Rafa', claimedRole: 'rep', text: '<img src=x onerror="window.__pwned=1">' }
const altered: Tampering = { id: '00000001b.0000.x', kind: 'altered', claimedName: 'Carla', claimedRole: 'customer', text: 'never mind' }

function mount(props: Parameters<typeof TamperWarnings>[0]): HTMLElement {
  const root = document.body.appendChild(document.createElement('div'))
  render(() => <TamperWarnings {...props} />, root)
  return root
}

describe('TamperWarnings', () => {
  test('renders nothing while there is nothing to flag', () => {
    expect(mount({ tampering: [], spoofedReps: [], throttledAt: undefined }).innerHTML).toBe('')
  })

  test('names the region, flags each forged or altered entry with its claimed author, and keeps peer text as text', () => {
    const root = mount({ tampering: [forged, altered], spoofedReps: ['Boss Rep'], throttledAt: Date.UTC(2026, 0, 1, 12, 0) })
    const region = root.querySelector('[role="region"]')
    expect(region?.getAttribute('aria-label')).toBe('Suspicious activity on the customer side')
    expect(root.querySelector('[data-tamper="forged"]')?.textContent).toBe('Forged entry, not from Rafa: <img src=x onerror="window.__pwned=1">')
    expect(root.querySelector('[data-tamper="altered"]')?.textContent).toContain('claims to be from Carla: never mind')
    expect(root.querySelector('[data-tamper="spoofed"]')?.textContent).toContain('Boss Rep')
    expect(root.querySelector('[data-tamper="throttled"]')).not.toBeNull()
    expect(root.querySelector('img')).toBeNull()
  })

  test('speaks Spanish when the UI does', () => {
    setLang('es')
    const root = mount({ tampering: [forged], spoofedReps: ['Boss Rep'], throttledAt: undefined })
    expect(root.querySelector('[role="region"]')?.getAttribute('aria-label')).toBe('Actividad sospechosa del lado del cliente')
    expect(root.querySelector('[data-tamper="forged"]')?.textContent).toContain('Entrada falsificada, no es de Rafa:')
    expect(root.querySelector('[data-tamper="spoofed"]')?.textContent).toContain('no verificado')
  })

  test('tells the rep how many attendee records beyond the limit were ignored, in both languages', () => {
    expect(mount({ tampering: [], spoofedReps: [], throttledAt: undefined, ignoredAttendees: 0 }).innerHTML).toBe('')
    const root = mount({ tampering: [], spoofedReps: [], throttledAt: undefined, ignoredAttendees: 476 })
    expect(root.querySelector('[data-tamper="attendees"]')?.textContent).toBe(`A customer-side peer added 476 attendees beyond the limit of ${MAX_ATTENDEES}; they are ignored.`)
    setLang('es')
    const es = mount({ tampering: [], spoofedReps: [], throttledAt: undefined, ignoredAttendees: 476 })
    expect(es.querySelector('[data-tamper="attendees"]')?.textContent).toBe(`Un participante del lado del cliente añadió 476 asistentes por encima del límite de ${MAX_ATTENDEES}; se ignoran.`)
  })

  test('flags what was refused to peers that could not prove themselves, by action and peer, in both languages', () => {
    const refused = [
      { what: 'presence' as const, peerId: 'f3b1c2d4-0000', claimedName: 'Boss Rep', victimName: 'Rafa Rep' },
      { what: 'screen' as const, peerId: 'f3b1c2d4-0000', claimedName: '<img src=x onerror="window.__pwned=1">' },
      { what: 'fileOut' as const, peerId: 'a9e8d7c6-1111' },
      { what: 'fileIn' as const, peerId: 'f3b1c2d4-0000', claimedName: 'Boss Rep' },
    ]
    const root = mount({ tampering: [], spoofedReps: [], throttledAt: undefined, refused })
    expect(root.querySelector('[data-refused="presence"]')?.textContent).toBe('Refused: “Boss Rep” (peer f3b1c2d4) tried to change who Rafa Rep is in the customer room.')
    expect(root.querySelector('[data-refused="screen"]')?.textContent).toBe('Refused: the customer’s screen was not sent to “<img src=x onerror="window.__pwned=1">” (peer f3b1c2d4), who claims to be a representative but could not prove it.')
    expect(root.querySelector('[data-refused="fileOut"]')?.textContent).toContain('a peer with no name (peer a9e8d7c6)')
    expect(root.querySelector('[data-refused="fileIn"]')?.textContent).toContain('did not take a file from “Boss Rep”')
    expect(root.querySelector('img')).toBeNull()
    setLang('es')
    const es = mount({ tampering: [], spoofedReps: [], throttledAt: undefined, refused })
    expect(es.querySelector('[data-refused="presence"]')?.textContent).toBe('Rechazado: «Boss Rep» (participante f3b1c2d4) intentó cambiar quién es Rafa Rep en la sala del cliente.')
    expect(es.querySelector('[data-refused="fileOut"]')?.textContent).toContain('un participante sin nombre')
  })
})
