// Accessibility: axe-core finds no violations in the rep console, the
// customer page and their dialogs, in English and in Spanish.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze() // axe's full default rule set, best practices included (not only the WCAG tags)
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
  expect(summary, `axe violations in ${where}`).toEqual([])
  expect(results.passes.length, `axe checked nothing in ${where}`).toBeGreaterThan(10)
}

const UI = {
  en: { name: 'Your name', save: 'Save profile', newSession: 'New session', link: 'Customer link', problem: 'Describe your problem', start: 'Start chat', message: 'Message', tools: 'Session tools', dialogs: ['Push URL', 'End session', 'Export transcript', 'Invite representative', 'Scripted message'], prefs: 'Preferences', team: 'Team' },
  es: { name: 'Su nombre', save: 'Guardar perfil', newSession: 'Nueva sesión', link: 'Enlace para el cliente', problem: 'Describa su problema', start: 'Iniciar chat', message: 'Mensaje', tools: 'Herramientas de la sesión', dialogs: ['Insertar URL', 'Finalizar sesión', 'Exportar conversación', 'Invitar a un representante', 'Mensaje predefinido'], prefs: 'Preferencias', team: 'Equipo' },
} as const

test('the axe check reports a real violation (so it can fail)', async ({ newPerson }) => {
  const person = await newPerson()
  await person.page.goto('/?lang=en#/')
  await person.page.evaluate(() => {
    const button = document.createElement('button')
    document.body.append(button) // a button with no accessible name
  })
  const results = await new AxeBuilder({ page: person.page }).withTags(['wcag2a']).analyze()
  expect(results.violations.map((violation) => violation.id)).toContain('button-name')
})

// English in the light theme, Spanish in the dark one: both themes and both languages are checked (contrast included).
for (const [lang, colorScheme] of [['en', 'light'], ['es', 'dark']] as const) {
  test(`no axe violations in the console, the customer page and the dialogs (${lang}, ${colorScheme} theme)`, async ({ newPerson }) => {
    test.setTimeout(120_000)
    const ui = UI[lang]
    const rep = await newPerson(lang, { colorScheme })
    const customer = await newPerson(lang, { colorScheme })
    await rep.page.goto(`/?lang=${lang}#/`)
    await expect(rep.page.getByRole('button', { name: ui.save })).toBeVisible()
    await expectNoViolations(rep.page, 'first-run profile')
    await rep.page.getByRole('textbox', { name: ui.name }).fill('Ana Rep')
    await rep.page.getByRole('button', { name: ui.save }).click()
    await rep.page.getByRole('button', { name: ui.newSession }).click()
    const link = await rep.page.getByRole('textbox', { name: ui.link }).inputValue()

    await customer.page.goto(link.replace('/#/', `/?lang=${lang}#/`))
    await expect(customer.page.getByRole('button', { name: ui.start })).toBeVisible()
    await expectNoViolations(customer.page, 'customer intake')
    await customer.page.getByRole('textbox', { name: ui.name }).fill('Carla')
    await customer.page.getByRole('textbox', { name: ui.problem }).fill('VPN')
    await customer.page.getByRole('button', { name: ui.start }).click()
    await customer.page.getByRole('textbox', { name: ui.message }).fill('hola')
    await customer.page.getByRole('textbox', { name: ui.message }).press('Enter')
    await expect(rep.page.getByRole('log').getByText('hola')).toBeVisible()
    await expectNoViolations(customer.page, 'customer chat')
    await expectNoViolations(rep.page, 'rep console with a session')

    const toolbar = rep.page.getByRole('toolbar', { name: ui.tools })
    for (const name of ui.dialogs) {
      await toolbar.getByRole('button', { name, exact: true }).click()
      await expect(rep.page.getByRole('dialog')).toBeVisible()
      await expectNoViolations(rep.page, `dialog ${name}`)
      await rep.page.keyboard.press('Escape')
      await expect(rep.page.getByRole('dialog')).toHaveCount(0)
    }
    for (const name of [ui.prefs, ui.team]) {
      await rep.page.getByRole('button', { name, exact: true }).click()
      await expect(rep.page.getByRole('dialog')).toBeVisible()
      await expectNoViolations(rep.page, `dialog ${name}`)
      await rep.page.keyboard.press('Escape')
    }
  })
}

// An intake that came in with the session code, waiting for the rep: the rep's Accept/Reject region and the customer's waiting page.
for (const [lang, colorScheme] of [['en', 'light'], ['es', 'dark']] as const) {
  test(`no axe violations while an intake waits for the rep's answer (${lang}, ${colorScheme} theme)`, async ({ newPerson }) => {
    test.setTimeout(90_000)
    const ui = { ...UI[lang], ...(lang === 'en' ? { code: 'Session code', connect: 'Connect', accept: 'Accept customer', waiting: 'Waiting for your representative' } : { code: 'Código de sesión', connect: 'Conectar', accept: 'Aceptar cliente', waiting: 'Esperando a que su representante' }) }
    const rep = await newPerson(lang, { colorScheme })
    const customer = await newPerson(lang, { colorScheme })
    await rep.page.goto(`/?lang=${lang}#/`)
    await rep.page.getByRole('textbox', { name: ui.name }).fill('Ana Rep')
    await rep.page.getByRole('button', { name: ui.save }).click()
    await rep.page.getByRole('button', { name: ui.newSession }).click()
    const shown = rep.page.getByText(new RegExp(`^${ui.code}\\s+[A-Z0-9]{3}-[A-Z0-9]{3}$`))
    const code = /([A-Z0-9]{3}-[A-Z0-9]{3})$/.exec(await shown.innerText())?.[1] ?? ''
    await customer.page.goto(`/?lang=${lang}#/portal`)
    await customer.page.getByRole('textbox', { name: ui.code }).fill(code)
    await customer.page.getByRole('button', { name: ui.connect }).click()
    await customer.page.getByRole('textbox', { name: ui.name }).fill('Carla')
    await customer.page.getByRole('textbox', { name: ui.problem }).fill('printer')
    await expectNoViolations(customer.page, 'portal intake')
    await customer.page.getByRole('button', { name: ui.start }).click()
    await expect(customer.page.getByRole('status').filter({ hasText: ui.waiting })).toBeVisible()
    await expectNoViolations(customer.page, 'portal waiting')
    await expect(rep.page.getByRole('button', { name: ui.accept })).toBeVisible({ timeout: 15_000 })
    await expectNoViolations(rep.page, 'intake waiting for the rep')
  })
}
