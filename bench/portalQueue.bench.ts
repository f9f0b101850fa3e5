/**
 * Team portals (issue 22): two reps of one team are online in their consoles; a customer submits a
 * request on the portal's page, then one rep takes it. Measured per round, on in-page clocks mapped to
 * Node's (`clockOffset`):
 *
 * - request → visible: the customer's `Submit request` click (capture-phase listener) → the request's list
 *   item in the `Queue` of each rep (a MutationObserver); the row's value is the later of the two reps;
 * - take → customer in chat: the rep's `Take` click → the customer page's `Message` box (the page picks the
 *   claim after its settle window, writes the pick and opens the session with the intake already given).
 *
 * `PORTAL_BENCH_ROUNDS` (default 10) rounds; each round uses a fresh customer context.
 */
import type { Page } from '@playwright/test'
import type { BenchResult } from './benchResult'
import { clockOffset, envInt, load1, startHarness, startRep, stats, withTestQuery } from './browser'

const ROUNDS = envInt('PORTAL_BENCH_ROUNDS', 10)

declare global {
  interface Window {
    __benchPortal?: { seenAt?: number; clickAt?: number }
  }
}

/** `joiner` joins the team of `owner` through its team link. */
async function joinTeam(owner: Page, joiner: Page, joinerName: string): Promise<void> {
  await owner.getByRole('button', { name: 'Team', exact: true }).click()
  const ownerDialog = owner.getByRole('dialog', { name: 'Teams' })
  const link = await ownerDialog.getByRole('textbox', { name: 'Team link' }).inputValue()
  await joiner.getByRole('button', { name: 'Team', exact: true }).click()
  const joinerDialog = joiner.getByRole('dialog', { name: 'Teams' })
  await joinerDialog.getByRole('textbox', { name: 'Team invite link' }).fill(link)
  await joinerDialog.getByRole('button', { name: 'Join team' }).click()
  await ownerDialog.getByRole('listitem').filter({ hasText: joinerName }).filter({ hasText: 'online' }).waitFor({ timeout: 30_000 })
  await ownerDialog.getByRole('button', { name: 'Close' }).click()
  await joinerDialog.getByRole('button', { name: 'Close' }).click()
}

/** Watches a page for `selector` containing `text`; records the page-clock time it first appears. */
async function watchFor(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate(
    ([selector, text]) => {
      const state: { seenAt?: number } = {}
      window.__benchPortal = state
      const check = (): boolean => {
        const found = [...document.querySelectorAll(selector)].some((element) => (element.textContent ?? '').includes(text))
        if (found && state.seenAt === undefined) state.seenAt = performance.timeOrigin + performance.now()
        return found
      }
      if (check()) return
      const observer = new MutationObserver(() => {
        if (check()) observer.disconnect()
      })
      observer.observe(document.body, { childList: true, subtree: true, characterData: true })
    },
    [selector, text] as const,
  )
}

/** Records the page-clock time of the next click on the button named `name`. */
async function armClick(page: Page, name: string): Promise<void> {
  await page.evaluate((name) => {
    const state = (window.__benchPortal ??= {})
    const onClick = (event: MouseEvent): void => {
      const button = (event.target as Element | null)?.closest('button')
      if (button?.textContent?.trim() !== name) return
      state.clickAt = performance.timeOrigin + performance.now()
      document.removeEventListener('click', onClick, true)
    }
    document.addEventListener('click', onClick, true)
  }, name)
}

const read = (page: Page): Promise<{ seenAt?: number; clickAt?: number }> => page.evaluate(() => ({ ...window.__benchPortal }))

export async function run(): Promise<BenchResult[]> {
  const loadBefore = load1()
  const harness = await startHarness()
  try {
    const repA = await harness.newPerson()
    const repB = await harness.newPerson()
    await startRep(repA.page, 'Ana Rep')
    await startRep(repB.page, 'Bruno Rep')
    await joinTeam(repA.page, repB.page, 'Bruno Rep')
    await repA.page.getByRole('button', { name: 'Portals', exact: true }).click()
    const dialog = repA.page.getByRole('dialog', { name: 'Portals' })
    await dialog.getByRole('textbox', { name: 'Portal name' }).fill('Bench portal')
    await dialog.getByRole('button', { name: 'Create portal' }).click()
    const link = await dialog.getByRole('textbox', { name: 'Portal link' }).last().inputValue()
    await dialog.getByRole('button', { name: 'Close' }).click()
    await repB.page.getByRole('region', { name: 'Queue' }).waitFor({ timeout: 30_000 })
    const offsets = new Map<Page, number>()
    const toNode = async (page: Page, time: number | undefined): Promise<number> => {
      if (time === undefined) throw new Error('a bench mark was not recorded')
      if (!offsets.has(page)) offsets.set(page, (await clockOffset(page)).offsetMs)
      return time - (offsets.get(page) ?? 0)
    }

    const visible: number[] = []
    const inChat: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const customer = await harness.newPerson()
      const name = `Bench customer ${round}`
      await customer.page.goto(withTestQuery(link))
      await customer.page.getByRole('textbox', { name: 'Your name' }).fill(name)
      await customer.page.getByRole('textbox', { name: 'Describe your problem' }).fill('Bench problem')
      for (const rep of [repA, repB]) await watchFor(rep.page, '.queue__item', name)
      await armClick(customer.page, 'Submit request')
      await customer.page.getByRole('button', { name: 'Submit request' }).click()
      for (const rep of [repA, repB]) await rep.page.locator('.queue__item').filter({ hasText: name }).waitFor({ timeout: 30_000 })
      const submitAt = await toNode(customer.page, (await read(customer.page)).clickAt)
      const seen = await Promise.all([repA, repB].map(async (rep) => toNode(rep.page, (await read(rep.page)).seenAt)))
      visible.push(Math.max(...seen) - submitAt)

      offsets.delete(customer.page)
      await watchFor(customer.page, 'textarea[aria-label="Message"]', '')
      const taker = round % 2 === 0 ? repA : repB
      await armClick(taker.page, 'Take')
      await taker.page.locator('.queue__item').filter({ hasText: name }).getByRole('button', { name: 'Take' }).click()
      await customer.page.getByRole('textbox', { name: 'Message' }).waitFor({ timeout: 30_000 })
      const takeAt = await toNode(taker.page, (await read(taker.page)).clickAt)
      inChat.push((await toNode(customer.page, (await read(customer.page)).seenAt)) - takeAt)
      await customer.context.close()
    }
    const request = stats(visible)
    const take = stats(inChat)
    const load = Math.max(loadBefore, load1())
    return [
      {
        name: 'portal request → visible in queue (two reps)',
        unit: 'ms',
        value: request.p50,
        values: { p90: request.p90, max: request.max, min: request.min, samples: visible.length, load1: load },
        note: 'Submit request click (customer) → list item in both reps’ Queue (the later of the two); budget p50 ≤ 500 ms',
      },
      {
        name: 'portal take → customer in chat',
        unit: 'ms',
        value: take.p50,
        values: { p90: take.p90, max: take.max, min: take.min, samples: inChat.length, load1: load },
        note: 'Take click (rep) → Message box on the customer page (includes the page’s 400 ms settle window); budget ≤ 1.5 s',
      },
    ]
  } finally {
    await harness.close()
  }
}
