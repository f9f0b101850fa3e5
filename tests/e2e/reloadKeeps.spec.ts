// Nothing typed is lost to a reload (src/store/persistDoc.ts, src/store/unsavedEdits.ts). A page writes an edit to
// IndexedDB a moment after it is made; a reload that comes while that write is under way cut it, and the message was
// gone after the reload (in about half of such reloads in a loaded test run). Here the reload is made at the worst
// moment on purpose: from inside the write of the session's record, before its transaction can commit.
import { test, expect } from './fixtures'
import { chatTexts, newSession, startRep } from './people'

test('a message whose write is under way when the page reloads is there after the reload', async ({ newPerson }) => {
  const rep = await newPerson()
  await rep.context.addInitScript(() => {
    const add = IDBObjectStore.prototype.add
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      const request = add.apply(this, args)
      const armed = sessionStorage.getItem('reload on the write of')
      if (armed && this.transaction.db.name.startsWith('asiste:rep:') && new TextDecoder().decode(args[0] as Uint8Array).includes(armed)) {
        sessionStorage.removeItem('reload on the write of')
        location.reload()
      }
      return request
    }
  })
  await startRep(rep.page, 'Ana Rep')
  await newSession(rep.page)
  const text = 'said as the page reloads'
  await rep.page.evaluate((armed) => sessionStorage.setItem('reload on the write of', armed), text)
  const box = rep.page.getByRole('textbox', { name: 'Message' })
  await box.fill(text)
  await Promise.all([rep.page.waitForEvent('load'), box.press('Enter')])
  await expect(rep.page.getByRole('log', { name: 'Transcript' })).toBeVisible()
  await expect.poll(() => chatTexts(rep.page)).toEqual([text])
  // The copy was dropped once IndexedDB had what it held.
  await expect.poll(() => rep.page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('asiste:unsaved:')))).toEqual([])
  expect(rep.errors.list).toEqual([])
})
