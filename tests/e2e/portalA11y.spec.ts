// Accessibility of team portals (issue 22): axe-core (full default rule set) on the Portals dialog, the
// console's Queue with a waiting request, and the customer's portal page (form and waiting state), in
// English and in Spanish (a portal whose page language is Spanish shows its page in Spanish by itself).
// Keyboard: the customer submits with the keyboard only, and the rep reaches Take with Tab.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { startRep } from './people'

async function noViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
  expect(summary, `axe violations in ${where}`).toEqual([])
  expect(results.passes.length, `axe checked nothing in ${where}`).toBeGreaterThan(5)
}

test('portals, the queue and the portal page pass axe in English and Spanish, and work from the keyboard', async ({ newPerson }) => {
  test.setTimeout(120_000)
  const rep = await newPerson()
  const customer = await newPerson('es')
  await startRep(rep.page, 'Ana Rep')

  await rep.page.getByRole('button', { name: 'Portals', exact: true }).click()
  const dialog = rep.page.getByRole('dialog', { name: 'Portals' })
  await dialog.getByRole('textbox', { name: 'Portal name' }).fill('Impresoras SA')
  await dialog.getByRole('textbox', { name: 'Greeting' }).fill('Bienvenido al soporte')
  await dialog.getByRole('textbox', { name: 'Opening hours' }).fill('L–V 9–18')
  await dialog.getByRole('combobox', { name: 'Page language' }).selectOption('es')
  await dialog.getByRole('checkbox', { name: 'Email' }).check()
  await dialog.getByRole('button', { name: 'Create portal' }).click()
  await expect(dialog.getByRole('status')).toContainText('Portal created')
  await noViolations(rep.page, 'Portals dialog')
  const link = await dialog.getByRole('textbox', { name: 'Portal link' }).inputValue()
  await dialog.getByRole('button', { name: 'Close' }).click()

  // The portal page opens in the portal's language (no ?lang in the link), from the keyboard.
  await customer.page.goto(link.replace('/#/', '/?debug=1#/'))
  await expect(customer.page.getByRole('heading', { name: 'Impresoras SA' })).toBeVisible()
  await expect(customer.page.getByText('Bienvenido al soporte')).toBeVisible()
  await expect(customer.page.getByText('Horario de atención: L–V 9–18')).toBeVisible()
  await noViolations(customer.page, 'portal page form (es)')
  await customer.page.getByRole('textbox', { name: 'Su nombre' }).focus()
  await customer.page.keyboard.type('Inés')
  await customer.page.keyboard.press('Tab')
  await customer.page.keyboard.type('La impresora no imprime')
  await customer.page.keyboard.press('Tab')
  await expect(customer.page.getByRole('textbox', { name: 'Correo electrónico' })).toBeFocused()
  await customer.page.keyboard.type('ines@example.com')
  await customer.page.getByRole('button', { name: 'Enviar solicitud' }).focus()
  await customer.page.keyboard.press('Enter')
  await expect(customer.page.getByRole('status').filter({ hasText: /^En espera/ })).toBeVisible()
  await noViolations(customer.page, 'portal page waiting (es)')

  const item = rep.page.getByRole('region', { name: 'Queue' }).getByRole('listitem').filter({ hasText: 'Inés' })
  await expect(item).toContainText('ines@example.com', { timeout: 20_000 })
  await expect(item).toHaveAttribute('data-age', 'green')
  await noViolations(rep.page, 'console with the Queue')
  const take = item.getByRole('button', { name: 'Take' })
  await take.focus()
  await expect(take).toBeFocused()
  await rep.page.keyboard.press('Enter')
  await expect(customer.page.getByRole('textbox', { name: 'Mensaje' })).toBeVisible({ timeout: 15_000 })
  expect(rep.errors.list).toEqual([])
})
