// Steps two reps take to share a session: one joins the other's team, then is invited.
// (Same steps as coreps.spec.ts, kept here so other specs can reuse them.)
import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/** `joiner` joins the personal team of `owner` through its team link; both see each other online. */
export async function joinTeamOf(owner: Page, joiner: Page, joinerName: string): Promise<void> {
  await owner.getByRole('button', { name: 'Team', exact: true }).click()
  const ownerDialog = owner.getByRole('dialog', { name: 'Teams' })
  const link = await ownerDialog.getByRole('textbox', { name: 'Team link' }).inputValue()
  await joiner.getByRole('button', { name: 'Team', exact: true }).click()
  const joinerDialog = joiner.getByRole('dialog', { name: 'Teams' })
  await joinerDialog.getByRole('textbox', { name: 'Team invite link' }).fill(link)
  await joinerDialog.getByRole('button', { name: 'Join team' }).click()
  await expect(joinerDialog.getByRole('status')).toContainText('Joined')
  await expect(ownerDialog.getByRole('listitem').filter({ hasText: joinerName })).toContainText('online')
  await ownerDialog.getByRole('button', { name: 'Close' }).click()
  await joinerDialog.getByRole('button', { name: 'Close' }).click()
}

/** `page` invites the team mate `who` (visible) into its current session, and `invitee` joins. */
export async function inviteAndJoin(page: Page, invitee: Page, who: string): Promise<void> {
  await page.getByRole('toolbar', { name: 'Session tools' }).getByRole('button', { name: 'Invite representative' }).click()
  const dialog = page.getByRole('dialog', { name: 'Invite representative' })
  await dialog.getByRole('combobox', { name: 'Team mate' }).selectOption({ label: who })
  await dialog.getByRole('radio', { name: 'Visible to the customer' }).check()
  await dialog.getByRole('button', { name: 'Invite' }).click()
  await expect(dialog).toBeHidden()
  await invitee.getByRole('region', { name: 'Invite representative' }).getByRole('button', { name: 'Join' }).click()
}
