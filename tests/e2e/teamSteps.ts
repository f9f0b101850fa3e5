// Steps reps take to share a session: one joins the other's team, then is invited.
// The one place for them (coreps, offline and chaos specs use it).
import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/** `joiner` joins the personal team of `owner` through its team link; the team doc syncs both ways and each sees the other, online. */
export async function joinTeamOf(owner: Page, joiner: Page, ownerName: string, joinerName: string): Promise<void> {
  await owner.getByRole('button', { name: 'Team', exact: true }).click()
  const ownerDialog = owner.getByRole('dialog', { name: 'Teams' })
  const link = await ownerDialog.getByRole('textbox', { name: 'Team link' }).inputValue()
  expect(link).toMatch(/#\/team\/[\w-]+\.[\w-]{22,}$/)

  await joiner.getByRole('button', { name: 'Team', exact: true }).click()
  const joinerDialog = joiner.getByRole('dialog', { name: 'Teams' })
  await joinerDialog.getByRole('textbox', { name: 'Team invite link' }).fill(link)
  await joinerDialog.getByRole('button', { name: 'Join team' }).click()
  await expect(joinerDialog.getByRole('status')).toContainText('Joined')
  await expect(ownerDialog.getByRole('list', { name: 'Team members' })).toContainText(joinerName)
  await expect(joinerDialog.getByRole('list', { name: 'Team members' })).toContainText(ownerName)
  await expect(ownerDialog.getByRole('listitem').filter({ hasText: joinerName })).toContainText('online')
  await ownerDialog.getByRole('button', { name: 'Close' }).click()
  await joinerDialog.getByRole('button', { name: 'Close' }).click()
}

/** `page` invites the team mate `who` into its current session, visible or hidden, with an optional comment. */
export async function invite(page: Page, who: string, options: { hidden?: boolean; comment?: string } = {}): Promise<void> {
  await page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: 'Invite representative' }).click()
  const dialog = page.getByRole('dialog', { name: 'Invite representative' })
  await dialog.getByRole('combobox', { name: 'Team mate' }).selectOption({ label: who })
  await dialog.getByRole('radio', { name: options.hidden ? 'Hidden from the customer' : 'Visible to the customer' }).check()
  if (options.comment) await dialog.getByRole('textbox', { name: /Comment/ }).fill(options.comment)
  await dialog.getByRole('button', { name: 'Invite' }).click()
  await expect(dialog).toBeHidden()
}

/** `page` invites the team mate `who` (visible) into its current session, and `invitee` joins. */
export async function inviteAndJoin(page: Page, invitee: Page, who: string): Promise<void> {
  await invite(page, who)
  await invitee.getByRole('region', { name: 'Invite representative' }).getByRole('button', { name: 'Join' }).click()
}
