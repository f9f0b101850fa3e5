// The team's session index by UTC day (issue 20): History's "Team sessions" lists today's sessions of the
// current team, synced from team mates, and "Show earlier days" opens an earlier day's document on demand.
// One browser context per rep; one rep's clock is set to yesterday to have a day behind us.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { newSession, startRep } from './people'
import { joinTeamOf } from './teamSteps'

const DAY_MS = 86_400_000

async function openTeamSessions(page: Page) {
  await page.getByRole('link', { name: 'History' }).click()
  const team = page.getByRole('region', { name: 'Team sessions' })
  await expect(team).toBeVisible()
  return team
}

/** How the list names a UTC day in English. */
function dayName(at: number, today: boolean): string {
  const text = new Intl.DateTimeFormat('en', { dateStyle: 'full', timeZone: 'UTC' }).format(at)
  return today ? `Today, ${text}` : text
}

test('a session a team mate starts shows in Team sessions, with its rep and state', async ({ newPerson }) => {
  const ana = await newPerson()
  const ben = await newPerson()
  await startRep(ana.page, 'Ana Rep')
  await startRep(ben.page, 'Ben Rep')
  await joinTeamOf(ana.page, ben.page, 'Ana Rep', 'Ben Rep')
  await newSession(ana.page)

  const team = await openTeamSessions(ben.page)
  const today = team.getByRole('list', { name: dayName(Date.now(), true) })
  await expect(today.getByRole('listitem')).toHaveCount(1)
  await expect(today.getByRole('listitem')).toContainText(['Ana Rep'])
  await expect(today.getByRole('listitem')).toContainText(['Waiting'])
  expect(ana.errors.list).toEqual([])
  expect(ben.errors.list).toEqual([])
})

test('an ended session of an earlier day is not in today’s list and opens with Show earlier days', async ({ newPerson }) => {
  const yesterday = Date.now() - DAY_MS
  const ana = await newPerson()
  await ana.page.clock.install({ time: yesterday }) // Ana works yesterday: her rows go to yesterday's document
  await startRep(ana.page, 'Ana Rep')
  await newSession(ana.page)
  await ana.page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: 'End session' }).click()
  const end = ana.page.getByRole('dialog', { name: 'End session' })
  await end.getByRole('radio', { name: 'Resolved', exact: true }).check()
  await end.getByRole('button', { name: 'End' }).click()
  await expect(ana.page.getByRole('button', { name: 'Close session' })).toBeVisible()

  const ben = await newPerson()
  await startRep(ben.page, 'Ben Rep')
  await joinTeamOf(ana.page, ben.page, 'Ana Rep', 'Ben Rep')
  const team = await openTeamSessions(ben.page)
  await expect(team.getByText('No team sessions on this day.')).toBeVisible()
  await expect(team.getByRole('list', { name: dayName(yesterday, false) })).toHaveCount(0)

  await team.getByRole('button', { name: 'Show earlier days' }).click()
  const earlier = team.getByRole('list', { name: dayName(yesterday, false) })
  await expect(earlier.getByRole('listitem')).toHaveCount(1)
  await expect(earlier.getByRole('listitem')).toContainText(['Ana Rep'])
  await expect(earlier.getByRole('listitem')).toContainText(['Ended'])
  expect(ana.errors.list).toEqual([])
  expect(ben.errors.list).toEqual([])
})
