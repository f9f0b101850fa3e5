// Big session open (issue 20): a reopened console shows the tab in front with its saved last screenful at
// once, read-only, then the real transcript replaces it — each message once, the snapshot gone. One browser
// context per person.
import type { Page } from '@playwright/test'
import { collectPageErrors, test, expect } from './fixtures'
import { chatTexts, newSession, say, startRep } from './people'

declare global {
  interface Window {
    __snapshotSeen?: string[][]
    /** Per animation frame once a Transcript log exists: whether a visible log shows the last message within its box. */
    __framesShown?: boolean[]
  }
}

/** The last screenful the console saved for its one session (read from the rep-doc database's `custom` store). */
async function savedSnapshotIds(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const info = (await indexedDB.databases()).find((db) => db.name?.startsWith('asiste:rep:'))
    if (!info?.name) return 0
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(info.name!)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const record = await new Promise<unknown>((resolve) => {
      const request = db.transaction('custom', 'readonly').objectStore('custom').get('asiste:lastRows')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => resolve(undefined)
    })
    db.close()
    const rows = (record as { rows?: unknown[] } | undefined)?.rows
    return Array.isArray(rows) ? rows.length : 0
  })
}

/** Whether the service worker has the app shell, so the page reloads with no network. */
function precached(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready
    for (const name of await caches.keys()) {
      if ((await (await caches.open(name)).keys()).some((request) => /\/index\.html(\?|$)/.test(request.url))) return true
    }
    return false
  })
}

/** Before the page's own scripts: records the chat texts of every busy (snapshot) Transcript log that appears. */
async function watchSnapshotRows(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[][] = []
    window.__snapshotSeen = seen
    new MutationObserver(() => {
      const log = document.querySelector('[role="log"][aria-busy="true"]')
      if (!log) return
      const texts = [...log.querySelectorAll('article[data-kind="chat"] .entry__text')].map((node) => node.textContent ?? '')
      if (texts.length > 0 && JSON.stringify(seen.at(-1)) !== JSON.stringify(texts)) seen.push(texts)
    }).observe(document, { childList: true, subtree: true })
    // Each frame from the first Transcript log on: whether a reader sees the last message (not hidden, inside the log's box).
    const frames: boolean[] = []
    window.__framesShown = frames
    const tick = (): void => {
      const logs = [...document.querySelectorAll<HTMLElement>('[role="log"][aria-label="Transcript"]')]
      if (logs.length > 0 || frames.length > 0) {
        let shown = false
        for (const log of logs) {
          if (getComputedStyle(log).visibility === 'hidden') continue
          const box = log.getBoundingClientRect()
          for (const article of log.querySelectorAll('article')) {
            const rect = article.getBoundingClientRect()
            if (article.textContent?.includes('the last message') && rect.bottom > box.top && rect.top < box.bottom && rect.height > 0) shown = true
          }
        }
        frames.push(shown)
      }
      if (frames.length < 600) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
}

test('a reloaded console shows the session’s last messages from its saved snapshot, then the real transcript, each message once', async ({ newPerson }) => {
  const rep = await newPerson()
  const errors = collectPageErrors(rep.page, [/ERR_INTERNET_DISCONNECTED/]) // the offline reload's config and signaling requests
  await startRep(rep.page, 'Ana Rep')
  await newSession(rep.page)
  // More rows than the log shows at once: the virtual list must scroll to its end, under the snapshot.
  const sent = [...Array.from({ length: 40 }, (_, i) => `line ${i + 1}`), 'the last message']
  for (const text of sent) await say(rep.page, text)
  // The console writes the snapshot a moment after the transcript changes (SNAPSHOT_DEBOUNCE_MS).
  await expect.poll(() => savedSnapshotIds(rep.page), { timeout: 10_000 }).toBeGreaterThanOrEqual(sent.length + 1) // and the opening note

  await expect.poll(() => precached(rep.page)).toBe(true)
  await watchSnapshotRows(rep.page)
  await rep.context.setOffline(true) // offline-ish: only the service worker and IndexedDB serve this reload
  await rep.page.reload()
  const transcript = rep.page.getByRole('log', { name: 'Transcript' })
  await expect(transcript.locator('article[data-kind="chat"]').filter({ hasText: 'the last message' })).toBeVisible()
  // The snapshot was shown first, with the sent messages in order…
  const seen = await rep.page.evaluate(() => window.__snapshotSeen ?? [])
  expect(seen[0]).toEqual(sent) // all of them: within the snapshot's bounds
  // …and the real transcript replaced it: one log, not busy, each message once, the message box usable.
  await expect(rep.page.getByRole('textbox', { name: 'Message' })).toBeEnabled()
  await expect(transcript).toHaveCount(1)
  await expect(transcript).not.toHaveAttribute('aria-busy', 'true')
  const rendered = await chatTexts(rep.page) // the virtual list renders the rows in view: the end, each once
  expect(rendered.length).toBeGreaterThan(0)
  expect(rendered).toEqual(sent.slice(-rendered.length))
  // Once the last message showed (the snapshot's), no frame showed the transcript without it: not empty, not its first rows.
  const frames = await rep.page.evaluate(() => window.__framesShown ?? [])
  const first = frames.indexOf(true)
  expect(first).toBeGreaterThanOrEqual(0)
  expect(frames.slice(first).filter((shown) => !shown)).toHaveLength(0)
  await rep.context.setOffline(false)
  expect(errors.list).toEqual([])
})
