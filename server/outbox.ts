/**
 * Bytes queued toward readers (issue 18): per reader and for the whole node,
 * each with a cap. A reader that keeps up hands every message to the kernel at
 * once and queues nothing here; one that stops reading makes its queue grow,
 * and is cut at its own cap, or — when the node's total passes its cap — the
 * reader furthest behind is cut first, so memory stays bounded whatever the
 * number of slow readers. Counts come from ws's `bufferedAmount`, re-read after
 * every send and every flush.
 */
import type { WebSocket } from 'ws'
import type { SignalingLimits } from './limits.ts'

/** The queues of one relay. */
export interface Outbox {
  /** Queues `payload` as a text frame (one Buffer may be shared by many readers), then enforces both caps. */
  send(ws: WebSocket, payload: Buffer): void
  /** The reader is gone (closed or cut): its queue no longer counts. */
  forget(ws: WebSocket): void
  /** Bytes queued now, and the most ever. */
  stats(): { bufferedBytes: number; peakBufferedBytes: number }
}

/** Makes the outbox; `cut` must terminate the socket and call `forget` for it. */
export function createOutbox(limits: Pick<SignalingLimits, 'maxBufferedBytes' | 'maxTotalBufferedBytes'>, cut: (ws: WebSocket, reason: string) => void): Outbox {
  const queued = new Map<WebSocket, number>()
  let total = 0
  let peak = 0

  const settle = (ws: WebSocket): void => {
    const before = queued.get(ws)
    if (before === undefined) return // forgotten: a late flush callback
    const now = ws.bufferedAmount
    queued.set(ws, now)
    total += now - before
    peak = Math.max(peak, total)
  }

  const cutFurthestBehind = (): boolean => {
    let furthest: WebSocket | undefined
    let most = 0
    for (const [ws, bytes] of queued) {
      if (bytes <= most) continue
      furthest = ws
      most = bytes
    }
    if (furthest) cut(furthest, 'slow reader, server buffers full')
    return furthest !== undefined
  }

  return {
    send(ws, payload) {
      if (ws.readyState !== ws.OPEN) return
      if (!queued.has(ws)) queued.set(ws, 0)
      ws.send(payload, { binary: false }, () => settle(ws))
      settle(ws)
      if ((queued.get(ws) ?? 0) > limits.maxBufferedBytes) cut(ws, 'slow reader')
      while (total > limits.maxTotalBufferedBytes && cutFurthestBehind());
    },
    forget(ws) {
      total -= queued.get(ws) ?? 0
      queued.delete(ws)
    },
    stats: () => ({ bufferedBytes: total, peakBufferedBytes: peak }),
  }
}
