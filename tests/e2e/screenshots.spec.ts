// The README's screenshots, made from a browser test so they stay current: the rep console and the customer
// page in use, at 1280×800 and 390×844, in English and Spanish. In the normal run they go to the test's output
// folder (the scene is still checked); `npm run screenshots` (SCREENSHOTS=1) writes them to docs/screenshots/.
import { join } from 'node:path'
import { expect, test, type Lang } from './fixtures'
import { en, es, type MessageKey } from '../../src/i18n/catalogs'

const CATALOGS: Record<Lang, Record<MessageKey, string>> = { en, es }
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const
const LINES: Record<Lang, { rep: string; customer: string[]; reply: string }> = {
  en: {
    customer: ['Hello! My printer says **offline** since this morning 😕', 'It is the one on the second floor'],
    rep: 'Hi Carla, let us fix that:\n\n1. Is it switched **on**?\n2. Open `Settings → Printers` and remove it\n3. Add it again from https://example.com/printers',
    reply: 'Done, it prints again. Thank you!',
  },
  es: {
    customer: ['¡Hola! Mi impresora dice **sin conexión** desde esta mañana 😕', 'Es la de la segunda planta'],
    rep: 'Hola, Carla, vamos a arreglarlo:\n\n1. ¿Está **encendida**?\n2. Abra `Configuración → Impresoras` y quítela\n3. Vuelva a añadirla desde https://example.com/impresoras',
    reply: '¡Hecho, ya imprime! Gracias.',
  },
}

for (const lang of ['en', 'es'] as const) {
  test(`README screenshots: the rep console and the customer page in use (${lang})`, async ({ newPerson }, info) => {
    test.setTimeout(90_000)
    const t = (key: MessageKey): string => CATALOGS[lang][key]
    const folder = process.env.SCREENSHOTS ? join(process.cwd(), 'docs', 'screenshots') : info.outputPath()
    const rep = await newPerson(lang, { viewport: VIEWPORTS[0] })
    const customer = await newPerson(lang, { viewport: VIEWPORTS[0] })
    await rep.page.goto(`/?lang=${lang}#/`)
    await rep.page.getByRole('textbox', { name: t('profile.name') }).fill('Ana García')
    await rep.page.getByRole('button', { name: t('profile.save') }).click()
    await rep.page.getByRole('button', { name: t('console.newSession') }).click()
    const link = await rep.page.getByRole('textbox', { name: t('console.customerLink') }).inputValue()
    await customer.page.goto(link.replace('/#/', `/?lang=${lang}#/`))
    await customer.page.getByRole('textbox', { name: t('customer.name') }).fill('Carla Ruiz')
    await customer.page.getByRole('textbox', { name: t('customer.request') }).fill(LINES[lang].customer[0]?.replace(/\*\*/g, '') ?? '')
    await customer.page.getByRole('checkbox', { name: t('customer.shareSystem') }).check()
    await customer.page.getByRole('button', { name: t('customer.start') }).click()
    const say = async (page: typeof rep.page, text: string): Promise<void> => {
      const box = page.getByRole('textbox', { name: t('composer.label') })
      await box.fill(text)
      await box.press('Enter')
      await expect(box).toHaveValue('')
    }
    for (const line of LINES[lang].customer) await say(customer.page, line)
    await say(rep.page, LINES[lang].rep)
    await say(customer.page, LINES[lang].reply)
    await expect(rep.page.getByRole('log', { name: t('transcript.label') }).locator('ol li')).toHaveCount(3)
    await expect(customer.page.getByRole('log', { name: t('transcript.label') }).locator('ol li')).toHaveCount(3)
    await expect(customer.page.getByRole('log', { name: t('transcript.label') }).getByText(t('entry.delivery.seen')).last()).toBeVisible()
    for (const viewport of VIEWPORTS) {
      for (const [who, page] of [['rep-console', rep.page], ['customer-page', customer.page]] as const) {
        await page.setViewportSize(viewport)
        await page.getByRole('log', { name: t('transcript.label') }).evaluate((log) => log.scrollTo({ top: log.scrollHeight }))
        await page.screenshot({ path: join(folder, `${who}-${lang}-${viewport.width}x${viewport.height}.png`), animations: 'disabled', caret: 'hide' })
      }
    }
  })
}
