// src/net/roomSends.ts: y-webrtc's tab channel posts only while another tab is in the room, never echoes to
// the page itself, and loses none of a new tab's connect-time messages. Tabs are several `createRoomSends`
// in one process over Node's BroadcastChannel (same delivery rules as a browser's: to other instances only).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DISCOVERY_MS, createRoomSends, gateTabBroadcasts, type RoomSends } from '../../src/net/roomSends'

const ROOM = 'asiste-test-room'
const bytes = (...values: number[]): Uint8Array => new Uint8Array(values)

/** A subscriber that records what it got and lets a test await the next `count` messages. */
function recorder() {
  const got: number[][] = []
  let waiter: { count: number; resolve: () => void } | undefined
  const subscriber = (data: ArrayBuffer | Uint8Array): void => {
    got.push([...new Uint8Array(data)])
    if (waiter && got.length >= waiter.count) waiter.resolve()
  }
  const received = (count: number): Promise<void> =>
    got.length >= count ? Promise.resolve() : new Promise((resolve) => (waiter = { count, resolve }))
  return { got, subscriber, received }
}

/** Resolves once `tab` posts to `room` again (an answer reached it), via a one-off listener on the channel. */
function tabSignal(room: string, kind: string): Promise<void> {
  const channel = new BroadcastChannel(room)
  return new Promise((resolve) => {
    channel.onmessage = ({ data }: MessageEvent<unknown>) => {
      if ((data as { asisteTab?: string } | null)?.asisteTab !== kind) return
      channel.close()
      resolve()
    }
  })
}

const cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.splice(0).forEach((cleanup) => cleanup())
  vi.restoreAllMocks()
  vi.useRealTimers()
})
function join(tab: RoomSends, subscriber: (data: ArrayBuffer | Uint8Array) => void): void {
  tab.subscribe(ROOM, subscriber)
  cleanups.push(() => tab.unsubscribe(ROOM, subscriber))
}

describe('roomSends', () => {
  it('a tab alone in its room posts nothing once discovery ends, and never calls its own subscriber', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const posted = vi.spyOn(BroadcastChannel.prototype, 'postMessage')
    const alone = createRoomSends('alone')
    const own = recorder()
    join(alone, own.subscriber)
    alone.publish(ROOM, bytes(1)) // connect-time: held
    vi.advanceTimersByTime(DISCOVERY_MS)
    alone.publish(ROOM, bytes(2))
    alone.publish(ROOM, bytes(3))
    expect(alone.shared(ROOM)).toBe(false)
    expect(posted.mock.calls.map(([data]) => data)).toEqual([{ asisteTab: 'hello', tab: 'alone' }])
    expect(own.got).toEqual([])
  })

  it("a new tab's connect-time messages reach the tab already in the room, in order, then messages go both ways", async () => {
    const first = createRoomSends('first')
    const second = createRoomSends('second')
    const atFirst = recorder()
    const atSecond = recorder()
    join(first, atFirst.subscriber)
    join(second, atSecond.subscriber)
    second.publish(ROOM, bytes(1)) // sent before any answer could arrive: held, not dropped
    second.publish(ROOM, bytes(2))
    await atFirst.received(2)
    expect(atFirst.got).toEqual([[1], [2]])
    first.publish(ROOM, bytes(3))
    await atSecond.received(1)
    expect(atSecond.got).toEqual([[3]])
    expect(first.shared(ROOM) && second.shared(ROOM)).toBe(true)
  })

  it('once the other tab leaves, a tab stops posting', async () => {
    const stays = createRoomSends('stays')
    const leaves = createRoomSends('leaves')
    const atStays = recorder()
    const leaving = recorder()
    join(stays, atStays.subscriber)
    leaves.subscribe(ROOM, leaving.subscriber)
    const answered = tabSignal(ROOM, 'here')
    await answered
    expect(stays.shared(ROOM)).toBe(true)
    const bye = tabSignal(ROOM, 'bye')
    leaves.unsubscribe(ROOM, leaving.subscriber)
    await bye
    // The watcher above got bye once `stays` did: both listen on the same channel, and delivery is in order.
    await new Promise((resolve) => setImmediate(resolve))
    expect(stays.shared(ROOM)).toBe(false)
  })

  it('a message from a tab that never said hello (an older app version) makes the room shared for good', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const current = createRoomSends('current')
    const atCurrent = recorder()
    join(current, atCurrent.subscriber)
    vi.advanceTimersByTime(DISCOVERY_MS)
    expect(current.shared(ROOM)).toBe(false)
    const older = new BroadcastChannel(ROOM)
    cleanups.push(() => older.close())
    const heard = new Promise<unknown>((resolve) => (older.onmessage = ({ data }: MessageEvent<unknown>) => data instanceof Uint8Array && resolve(data)))
    older.postMessage(bytes(7))
    await atCurrent.received(1)
    current.publish(ROOM, bytes(8))
    expect([...((await heard) as Uint8Array)]).toEqual([8])
  })

  it("a new tab's held messages are dropped when nobody answers in time", () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const posted = vi.spyOn(BroadcastChannel.prototype, 'postMessage')
    const lonely = createRoomSends('lonely')
    join(lonely, recorder().subscriber)
    lonely.publish(ROOM, bytes(1))
    vi.advanceTimersByTime(DISCOVERY_MS)
    expect(posted).toHaveBeenCalledTimes(1) // the hello only
    expect(lonely.shared(ROOM)).toBe(false)
  })

  it("y-webrtc's per-update broadcast flag also requires another tab (no encryption for nobody), once the room's channel is ours", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const here = createRoomSends('here')
    const room = { name: ROOM, bcconnected: false }
    gateTabBroadcasts(room, here)
    room.bcconnected = true // y-webrtc's connect, before it subscribes: not a channel of this module yet
    expect(room.bcconnected).toBe(true)
    join(here, recorder().subscriber)
    expect(room.bcconnected).toBe(true) // discovery: connect-time messages are held, not dropped
    vi.advanceTimersByTime(DISCOVERY_MS)
    expect(room.bcconnected).toBe(false)
    vi.useRealTimers()
    const other = createRoomSends('other')
    join(other, recorder().subscriber)
    await tabSignal(ROOM, 'here')
    expect(room.bcconnected).toBe(true)
    room.bcconnected = false // y-webrtc's disconnect
    expect(room.bcconnected).toBe(false)
  })
})
