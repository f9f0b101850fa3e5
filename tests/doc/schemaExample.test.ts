// docs/SCHEMA.md's worked example, executed: every value the page states is
// recomputed by a reader written from the page alone (tests/e2e/stock/stockReader.ts,
// stock yjs + WebCrypto) and by Asiste's own code, so the page cannot drift from either.
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { dedupeByEventKey, orderedTranscript, parseJoinLink, roomInput, roomName, signalingUrls } from '../e2e/stock/stockReader'
import { roomName as appRoomName } from '../../src/net/roomKeys'
import { defaultSignalingUrl, parseNetConfig } from '../../src/net/config'
import { parseRoute } from '../../src/app/shell/routes'
import { readTranscript } from '../../src/doc/transcript'

const SCHEMA = readFileSync(new URL('../../docs/SCHEMA.md', import.meta.url), 'utf8')

/** The JSON blocks the page marks as ```json example:<name>. */
function examples(): Map<string, unknown> {
  const blocks = new Map<string, unknown>()
  for (const match of SCHEMA.matchAll(/```json example:(\w+)\n([\s\S]*?)\n```/g)) {
    blocks.set(match[1] ?? '', JSON.parse(match[2] ?? '') as unknown)
  }
  return blocks
}

const blocks = examples()
const link = blocks.get('link') as string
const derived = blocks.get('derived') as {
  sessionId: string
  customerKey: string
  via: string
  roomInput: string
  roomName: string
  password: string
  config: unknown
  signaling: string[]
}
const entries = blocks.get('entries') as Record<string, Record<string, unknown>>
const transcript = blocks.get('transcript') as { id: string; kind: string; text: string }[]

describe("SCHEMA.md's worked example", () => {
  test('the page holds every step', () => {
    expect([...blocks.keys()].sort()).toEqual(['derived', 'entries', 'link', 'transcript'])
  })

  test('step 1–2: the join link splits into session id, key and the portal hint, as the app parses it', () => {
    expect(parseJoinLink(link)).toEqual({ sessionId: derived.sessionId, customerKey: derived.customerKey, via: derived.via })
    expect(parseRoute(new URL(link).hash)).toEqual({ page: 'join', sessionId: derived.sessionId, key: derived.customerKey, via: 'portal' })
  })

  test('step 2: the room name is unpadded base64url SHA-256 of the input with NUL separators, as the app computes it', async () => {
    const input = roomInput('customer', derived.sessionId, derived.customerKey)
    expect(input).toBe(derived.roomInput)
    expect([...input].filter((char) => char === '\u0000')).toHaveLength(3)
    const name = await roomName('customer', derived.sessionId, derived.customerKey)
    expect(name).toBe(derived.roomName)
    expect(name).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(await appRoomName('customer', derived.sessionId, derived.customerKey)).toBe(derived.roomName)
    expect(derived.password).toBe(derived.customerKey)
  })

  test("step 2: an empty signaling list means this origin's /signal, as the app reads it", () => {
    const origin = new URL(link).origin
    expect(signalingUrls(derived.config, origin)).toEqual(derived.signaling)
    const { protocol, host } = new URL(origin)
    expect(parseNetConfig(derived.config, defaultSignalingUrl({ protocol, host })).signaling).toEqual(derived.signaling)
  })

  test('step 4–5: the synced entries read as the stated transcript, the same as the app reads them', () => {
    const writer = new Y.Doc()
    const map = writer.getMap<unknown>('entries')
    for (const [id, entry] of Object.entries(entries)) map.set(id, entry)
    const reader = new Y.Doc() // what a peer holds after sync step 2
    Y.applyUpdate(reader, Y.encodeStateAsUpdate(writer))

    const read = dedupeByEventKey(orderedTranscript(reader)).map(({ id, kind, text }) => ({ id, kind, text }))
    expect(read).toEqual(transcript)
    // Every example entry is valid for Asiste, which shows the very same transcript.
    expect(readTranscript(reader).map(({ id, kind, text }) => ({ id, kind, text }))).toEqual(transcript)
    expect(Object.keys(entries)).toHaveLength(transcript.length + 1)
  })
})
