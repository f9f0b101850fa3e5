/** Pure rules for the session tabs: their order, and which tab a key or shortcut moves to. */

/** Orders open sessions: those in the stored order first, as stored; the rest after them, oldest first. */
export function arrangeTabs<T extends { sessionId: string; createdAt: number }>(rows: readonly T[], storedOrder: readonly string[]): T[] {
  const rank = new Map(storedOrder.map((id, index) => [id, index]))
  return [...rows].sort((a, b) => {
    const ra = rank.get(a.sessionId)
    const rb = rank.get(b.sessionId)
    if (ra !== undefined && rb !== undefined) return ra - rb
    if (ra !== undefined) return -1
    if (rb !== undefined) return 1
    return a.createdAt - b.createdAt
  })
}

/** The stored active tab if it is still open, else the newest (last) tab. */
export function initialTab(ids: readonly string[], storedActive: string | undefined): string | undefined {
  return storedActive !== undefined && ids.includes(storedActive) ? storedActive : ids.at(-1)
}

/** The tab `step` places after (1) or before (-1) `current`, wrapping around; the first tab when `current` is unknown. */
export function stepTab(ids: readonly string[], current: string | undefined, step: 1 | -1): string | undefined {
  if (ids.length === 0) return undefined
  const index = current === undefined ? -1 : ids.indexOf(current)
  if (index === -1) return ids[0]
  return ids[(index + step + ids.length) % ids.length]
}

/** The next tab after `current` (wrapping) with unread messages; undefined when no other tab has any. */
export function nextUnreadTab(ids: readonly string[], current: string | undefined, unread: (id: string) => number): string | undefined {
  const start = current === undefined ? -1 : ids.indexOf(current)
  for (let offset = 1; offset <= ids.length; offset++) {
    const id = ids[(start + offset + ids.length) % ids.length]
    if (id !== undefined && id !== current && unread(id) > 0) return id
  }
  return undefined
}
