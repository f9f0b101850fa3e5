/**
 * One case both pages' file transfers share (src/app/tools/filesOnFirstUse.ts), run through each page's
 * wrapper: a side channel the other side opens before the transfers' chunk is in makes the transfers,
 * which take it with the messages it brought meanwhile; after that nothing is caught any more.
 */
import { expect, vi, type Mock } from 'vitest'
import type { CaughtChannel } from '../../src/app/tools/fileTransfer'
import type { DocConnection } from '../../src/net/connectDoc'
import { SIDE_CHANNEL_EVENT } from '../../src/net/chunkingWrtc'

/** What the case reads of a page's fake chunk. */
export interface FakeFilesChunk {
  fetch: Mock
  made: { files: number }
  caught: CaughtChannel[][]
}

/** Runs the case with `start`, which makes the page's tools over `connection` with `chunk.fetch`. */
export async function sideChannelOpenedFirst(chunk: FakeFilesChunk, start: (connection: DocConnection) => { dispose: () => void }): Promise<void> {
  const pc = new EventTarget()
  const connection = { peerLinks: () => new Map([['peer-1', { _pc: pc }]]), onChange: () => () => undefined } as unknown as DocConnection
  const { made, caught, fetch } = chunk
  const { dispose } = start(connection)
  const channel = new EventTarget()
  pc.dispatchEvent(Object.assign(new Event(SIDE_CHANNEL_EVENT), { channel }))
  channel.dispatchEvent(new MessageEvent('message', { data: '{"t":"offer"}' }))
  await vi.waitFor(() => expect(made.files).toBe(1))
  expect(caught[0]?.map((early) => early.peerId)).toEqual(['peer-1'])
  expect(caught[0]?.[0]?.channel).toBe(channel)
  expect(caught[0]?.[0]?.release()).toEqual(['{"t":"offer"}'])
  // Once made, nothing is caught here any more: the transfers watch the channels themselves.
  pc.dispatchEvent(Object.assign(new Event(SIDE_CHANNEL_EVENT), { channel: new EventTarget() }))
  expect(caught[0]).toHaveLength(1)
  expect(fetch).toHaveBeenCalledTimes(1)
  dispose()
}
