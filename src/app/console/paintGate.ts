/**
 * Holds back a reopened session's document load until its saved last screenful is on screen (issue 20, big
 * session open). Reading a big session's record is one long task (1–2 s at 100,000 entries), and the
 * snapshot's views are a chunk loaded on demand: when the chunk arrived after the record's read had begun,
 * the saved rows waited for the whole parse, and a cold open took 0.6 s or 1.7–2.5 s by that race
 * (BENCHMARKS.md, bigSession). The opening tab says when its rows are laid out; the load waits for that, or
 * `capMs` at most, so a chunk that cannot load never holds the session back.
 */

/** Waits, per session, for its snapshot to be shown. */
export interface PaintGate {
  /** The snapshot of `sessionId` is on screen. */
  shown(sessionId: string): void
  /** Resolves once `sessionId`'s snapshot is shown (at once if it already was), or after the cap. */
  wait(sessionId: string): Promise<void>
}

/** A gate whose waits end after `capMs` at the latest. */
export function createPaintGate(capMs: number): PaintGate {
  const shown = new Set<string>()
  const waiting = new Map<string, (() => void)[]>()
  return {
    shown(sessionId) {
      shown.add(sessionId)
      const release = waiting.get(sessionId) ?? []
      waiting.delete(sessionId)
      release.forEach((resolve) => resolve())
    },
    wait(sessionId) {
      if (shown.has(sessionId)) return Promise.resolve()
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, capMs)
        function done(): void {
          clearTimeout(timer)
          resolve()
        }
        waiting.set(sessionId, [...(waiting.get(sessionId) ?? []), done])
      })
    },
  }
}
