// Two tabs of one browser (issue 20): on connect, a console tab sends other tabs only what changed since it
// loaded the session from IndexedDB (src/net/tabSync.ts), not the whole document. What a tab wrote while it
// was cut off must still reach the other tab when it reconnects, and live messages go both ways.
import { test, expect } from './fixtures'
import { chatTexts, expectChat, newSession, say, startRep } from './people'

test('two console tabs of one browser: live messages both ways, and what one wrote offline reaches the other on reconnect', async ({ newPerson }) => {
  const rep = await newPerson() // one person, two tabs: both pages in the same context on purpose
  await startRep(rep.page, 'Ana Rep')
  await newSession(rep.page)
  await say(rep.page, 'from the first tab')

  const second = await rep.context.newPage()
  await second.goto('/?lang=en&debug=1#/')
  await expectChat(second, ['from the first tab']) // loaded from the shared IndexedDB

  await say(second, 'from the second tab')
  await expectChat(rep.page, ['from the first tab', 'from the second tab'])
  await say(rep.page, 'back from the first')
  await expectChat(second, ['from the first tab', 'from the second tab', 'back from the first'])

  // Cut the second tab off (every provider disconnected, BroadcastChannel included) and write there.
  await second.evaluate(() => window.asisteDebug?.pauseNetwork())
  await expect(second.getByRole('status', { name: 'Connection' })).toContainText('Offline')
  await say(second, 'written while cut off')
  await say(rep.page, 'the first tab goes on')
  expect(await chatTexts(rep.page)).not.toContain('written while cut off')

  await second.evaluate(() => window.asisteDebug?.resumeNetwork())
  const all = ['from the first tab', 'from the second tab', 'back from the first', 'written while cut off', 'the first tab goes on']
  await expectChat(rep.page, all)
  await expectChat(second, all)
})
