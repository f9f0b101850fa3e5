/**
 * lib0's broadcastchannel as y-webrtc sees it in the browser build
 * (vite.config.ts resolves `lib0/broadcastchannel` to this file for imports
 * made from inside y-webrtc): the same `subscribe` / `unsubscribe` /
 * `publish`, without the two costs lib0's version puts on every send of a
 * page that is the only tab of the app in its room — the usual case
 * (issue 20, send-path profile in bench/sendProfile.ts):
 *
 * - lib0 calls the page's own subscribers with what it publishes ("fires
 *   synchronously in same tab"): y-webrtc then decrypts its own message and
 *   applies its own update a second time;
 * - lib0 posts every message to the BroadcastChannel, listener or not.
 *
 * Here a page posts a room's messages only while another tab is in that
 * room. Tabs say so on the channel itself: `hello` when they subscribe, a
 * `here` answer from every tab already in, `bye` when they leave. y-webrtc's
 * connect-time messages (sync step 1 and 2, peer id, awareness) go out right
 * after `subscribe`, before any answer can arrive: they are held until the
 * first `here` (then posted, in order) or dropped once `DISCOVERY_MS` passed
 * in silence. A message from a tab that never said hello (an older version of
 * the app still open) counts that room as shared for good.
 */

/** y-webrtc's messages: encrypted bytes (a Uint8Array as published, as received after cloning). */
type RoomData = ArrayBuffer | Uint8Array

/** What y-webrtc subscribes: its room's message handler. */
type Subscriber = (data: RoomData, origin: unknown) => void

/** A tab-presence message; y-webrtc's own messages are bytes, so the two never mix. */
interface TabSignal {
  asisteTab: 'hello' | 'here' | 'bye'
  tab: string
}

/**
 * How long a new subscriber holds its first messages for an answer. Tabs of one browser answer in
 * well under a millisecond when idle; a busy or throttled tab gets a generous margin.
 */
export const DISCOVERY_MS = 2_000

interface Channel {
  channel: BroadcastChannel
  subscribers: Set<Subscriber>
  /** Tabs that said hello or here and not bye. */
  others: Set<string>
  /** A tab that never introduced itself sent a message here. */
  anonymous: boolean
  /** Messages held while waiting for the first answer; undefined once discovery ended. */
  held: RoomData[] | undefined
  discovery: ReturnType<typeof setTimeout> | undefined
}

function isTabSignal(data: unknown): data is TabSignal {
  if (typeof data !== 'object' || data === null) return false
  const { asisteTab, tab } = data as Partial<TabSignal>
  return (asisteTab === 'hello' || asisteTab === 'here' || asisteTab === 'bye') && typeof tab === 'string'
}

/** The three functions y-webrtc uses, for one tab (`tabId` names it to the others). */
export interface RoomSends {
  subscribe(room: string, subscriber: Subscriber): Subscriber
  unsubscribe(room: string, subscriber: Subscriber): boolean
  publish(room: string, data: RoomData, origin?: unknown): void
  /** Whether `room`'s messages are posted now (another tab is in it, or discovery is still holding them). */
  shared(room: string): boolean
  /** Whether `room` has a channel here (something subscribed through this module). */
  owns(room: string): boolean
}

/** Builds the broadcastchannel functions of one tab (tests build several in one process). */
export function createRoomSends(tabId: string): RoomSends {
  const channels = new Map<string, Channel>()
  const endDiscovery = (entry: Channel): void => {
    if (entry.discovery !== undefined) clearTimeout(entry.discovery)
    entry.discovery = undefined
    const held = entry.held ?? []
    entry.held = undefined
    if (entry.others.size > 0 || entry.anonymous) for (const data of held) entry.channel.postMessage(data)
  }
  const signal = (entry: Channel, kind: TabSignal['asisteTab']): void => entry.channel.postMessage({ asisteTab: kind, tab: tabId } satisfies TabSignal)
  const open = (room: string): Channel => {
    const channel = new BroadcastChannel(room)
    const entry: Channel = { channel, subscribers: new Set(), others: new Set(), anonymous: false, held: [], discovery: undefined }
    channel.onmessage = ({ data }: MessageEvent<unknown>) => {
      if (isTabSignal(data)) {
        if (data.asisteTab === 'bye') return void entry.others.delete(data.tab)
        const isNew = !entry.others.has(data.tab)
        entry.others.add(data.tab)
        if (data.asisteTab === 'hello' && isNew) signal(entry, 'here')
        if (entry.held) endDiscovery(entry)
        return
      }
      if (!(data instanceof ArrayBuffer || data instanceof Uint8Array)) return
      if (entry.others.size === 0) entry.anonymous = true
      if (entry.held) endDiscovery(entry)
      entry.subscribers.forEach((subscriber) => subscriber(data, 'broadcastchannel'))
    }
    entry.discovery = setTimeout(() => endDiscovery(entry), DISCOVERY_MS)
    channels.set(room, entry)
    signal(entry, 'hello')
    return entry
  }
  return {
    subscribe(room, subscriber) {
      ;(channels.get(room) ?? open(room)).subscribers.add(subscriber)
      return subscriber
    },
    unsubscribe(room, subscriber) {
      const entry = channels.get(room)
      if (!entry?.subscribers.delete(subscriber)) return false
      if (entry.subscribers.size === 0) {
        if (entry.discovery !== undefined) clearTimeout(entry.discovery)
        signal(entry, 'bye')
        entry.channel.close()
        channels.delete(room)
      }
      return true
    },
    publish(room, data) {
      const entry = channels.get(room)
      // lib0 would open a channel for a room nobody here subscribed to; y-webrtc publishes only to its rooms.
      if (!entry) return
      if (entry.held) entry.held.push(data)
      else if (entry.others.size > 0 || entry.anonymous) entry.channel.postMessage(data)
    },
    owns: (room) => channels.has(room),
    shared(room) {
      const entry = channels.get(room)
      return entry !== undefined && (entry.held !== undefined || entry.others.size > 0 || entry.anonymous)
    },
  }
}

/** The part of y-webrtc's Room that decides whether a document or awareness update goes to other tabs. */
export interface TabBroadcastingRoom {
  readonly name: string
  bcconnected: boolean
}

/**
 * Makes `room.bcconnected` also require another tab in the room (or discovery under way), so y-webrtc skips
 * a document or awareness update's AES-GCM encryption for tabs when there are none, not only the post.
 * y-webrtc reads the flag only there; its connect-time messages and replies to tabs are unaffected. A room
 * whose channel is not this module's (y-webrtc in unit tests uses lib0's own) keeps its plain flag.
 */
export function gateTabBroadcasts(room: TabBroadcastingRoom, sends: Pick<RoomSends, 'shared' | 'owns'> = tab): void {
  let connected = room.bcconnected
  Object.defineProperty(room, 'bcconnected', {
    configurable: true,
    enumerable: true,
    get: () => connected && (!sends.owns(room.name) || sends.shared(room.name)),
    set: (value: boolean) => {
      connected = value
    },
  })
}

const tab = createRoomSends(crypto.randomUUID())

/** Subscribes y-webrtc's handler to a room's channel. */
export const subscribe = tab.subscribe
/** Unsubscribes; the last one of a room says bye and closes the channel. */
export const unsubscribe = tab.unsubscribe
/** Posts to the other tabs in the room, if there are any (never to this page's own subscribers). */
export const publish = tab.publish
