/**
 * Where the transport row's milliseconds go (issue 20): the same pages and
 * the same probes as `bench/transport.bench.ts` (the rep's customer-doc write
 * through the debug hooks → a Yjs observer in the customer's doc), with the
 * data channels of both pages timed at their edges. Not a benchmark row; run
 * it by hand:
 *
 *     npx tsx bench/sendStages.ts            # SEND_STAGES_MESSAGES=100
 *
 * Per probe, on the pages' shared clock (one browser, one machine):
 * - sender: write → the probe's bytes handed to `RTCDataChannel.send`;
 * - wire: that send → the receiving channel's `message` event was created (`event.timeStamp`);
 * - queued: event created → its first listener runs (the receiver's main thread was busy);
 * - receiver: first listener → the observer in the customer's doc saw the entry.
 * `SEND_STAGES_VIA=relay` writes into the rep's own doc instead: the relay signs the entry and publishes
 * it into the customer doc, as a sent message travels (the sender stage then includes the signature).
 * `SEND_STAGES_PAIR=stock` times the transport module's floor instead (two plain Y.Docs with a stock y-webrtc
 * provider, no Asiste code), `channel` its Yjs-over-a-raw-datachannel floor, `text` the bare text over one.
 * `SEND_STAGES_PROFILE=1` adds both pages' CPU profiles over the timed probes (call trees under the
 * rep's write and the customer's channel message, per probe; the build is the minified one, see sendProfile.ts for names).
 */
import type { CDPSession, Page } from '@playwright/test'
import { envInt, load1, startHarness, stats } from './browser'
import { measureOneWay } from './docLink'
import { appPair, benchPageScript, channelPair, stockPair } from './transport.bench'
import type { ProfileNode } from './cpuProfile'

const MESSAGES = envInt('SEND_STAGES_MESSAGES', 100)
const WARMUP = 5

/** In-page, before the app: logs every data channel send and message with the page clock and the bytes as latin1 text. */
const EDGE_TIMER = `(() => {
  const log = []
  const clock = () => performance.timeOrigin + performance.now()
  const text = (data) => typeof data === 'string' ? data : String.fromCharCode(...new Uint8Array(data instanceof ArrayBuffer ? data : data.buffer, data.byteOffset ?? 0, data.byteLength))
  window.__edges = log
  const send = RTCDataChannel.prototype.send
  RTCDataChannel.prototype.send = function (data) {
    log.push({ kind: 'send', at: clock(), text: text(data) })
    return send.call(this, data)
  }
  const onMessage = Object.getOwnPropertyDescriptor(RTCDataChannel.prototype, 'onmessage')
  // simple-peer (the stock y-webrtc floor) listens through the onmessage property, not addEventListener.
  Object.defineProperty(RTCDataChannel.prototype, 'onmessage', {
    configurable: true,
    get: onMessage.get,
    set(listener) {
      onMessage.set.call(this, listener && function edgeMessage(event) {
        log.push({ kind: 'message', at: clock(), created: performance.timeOrigin + event.timeStamp, text: text(event.data) })
        return listener.call(this, event)
      })
    },
  })
  const listen = RTCDataChannel.prototype.addEventListener
  RTCDataChannel.prototype.addEventListener = function (type, listener, options) {
    if (type !== 'message') return listen.call(this, type, listener, options)
    return listen.call(this, type, function edgeMessage(event) {
      log.push({ kind: 'message', at: clock(), created: performance.timeOrigin + event.timeStamp, text: text(event.data) })
      return listener.call(this, event)
    }, options)
  }
})()`

interface Edge {
  kind: 'send' | 'message'
  at: number
  created?: number
  text: string
}

async function edges(page: Page): Promise<Edge[]> {
  return page.evaluate(() => (window as unknown as { __edges: Edge[] }).__edges.splice(0))
}

/** Per probe: marker → [write, sent, created, listened, applied]. */
async function probe(rep: Page, customer: Page, marker: string): Promise<number[] | undefined> {
  await edges(rep)
  await edges(customer)
  const arrived = customer.evaluate((awaited) => window.__benchDoc!.arrival(awaited), marker)
  await customer.evaluate(() => undefined)
  const wrote = await rep.evaluate((sent) => window.__benchDoc!.write(sent), marker)
  const applied = await arrived
  const sent = (await edges(rep)).find((edge) => edge.kind === 'send' && edge.text.includes(marker))
  const received = (await edges(customer)).find((edge) => edge.kind === 'message' && edge.text.includes(marker))
  if (!sent || !received) return undefined
  return [wrote, sent.at, received.created!, received.at, applied]
}

/**
 * Roots of the call trees printed: the rep's write, the relay's publish (a later task), the customer's channel
 * message (`edgeMessage`, EDGE_TIMER's wrapper of every data channel listener: the names below it are minified in the app's build).
 */
const TREE_ROOTS = [/^write /, /^edgeMessage /, /^putPublishedEntries /]
const TREE_MIN_MS = 0.01 // per probe: smaller subtrees are left out
const TREE_DEPTH = 40

/** Prints, per probe, the call trees under TREE_ROOTS (ms inclusive / self), merged by function at each level. */
function printTrees(who: string, profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }, count: number): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const label = (node: ProfileNode): string =>
    `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').at(-1) ?? ''}:${node.callFrame.lineNumber + 1}:${node.callFrame.columnNumber + 1}`
  const selfMs = new Map<number, number>()
  profile.samples?.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas?.[i + 1] ?? 0) / 1000))
  interface Tree { ms: number; self: number; children: Map<string, Tree> }
  const grow = (into: Tree, node: ProfileNode): number => {
    let ms = selfMs.get(node.id) ?? 0
    into.self += ms
    for (const childId of node.children ?? []) {
      const child = byId.get(childId)!
      const name = label(child)
      const branch = into.children.get(name) ?? { ms: 0, self: 0, children: new Map() }
      into.children.set(name, branch)
      const got = grow(branch, child)
      branch.ms += got
      ms += got
    }
    return ms
  }
  const roots = new Map<string, Tree>()
  const visit = (node: ProfileNode): void => {
    const name = label(node)
    if (TREE_ROOTS.some((root) => root.test(name))) {
      const tree = roots.get(name) ?? { ms: 0, self: 0, children: new Map() }
      roots.set(name, tree)
      tree.ms += grow(tree, node)
      return
    }
    for (const childId of node.children ?? []) visit(byId.get(childId)!)
  }
  visit(profile.nodes[0]!)
  // Every task's entry point too (the root's children, two levels down), to see what else runs per probe.
  const tasks = new Map<string, Tree>()
  for (const childId of profile.nodes[0]!.children ?? []) {
    const node = byId.get(childId)!
    const tree = tasks.get(label(node)) ?? { ms: 0, self: 0, children: new Map() }
    tasks.set(label(node), tree)
    tree.ms += grow(tree, node)
  }
  const print = (name: string, tree: Tree, depth: number): void => {
    if (tree.ms / count < TREE_MIN_MS || depth > TREE_DEPTH) return
    console.log(`${(tree.ms / count).toFixed(3).padStart(7)} ${(tree.self / count).toFixed(3).padStart(6)}  ${'  '.repeat(depth)}${name}`)
    for (const [child, branch] of [...tree.children].sort((a, b) => b[1].ms - a[1].ms)) print(child, branch, depth + 1)
  }
  console.log(`\n${who}: call trees, ms per probe (inclusive, self)`)
  for (const [name, tree] of roots) print(name, tree, 0)
  console.log(`\n${who}: every task's entry points (two levels), ms per probe`)
  const shallow = (name: string, tree: Tree, depth: number): void => {
    if (tree.ms / count < TREE_MIN_MS || depth > 2) return
    console.log(`${(tree.ms / count).toFixed(3).padStart(7)} ${(tree.self / count).toFixed(3).padStart(6)}  ${'  '.repeat(depth)}${name}`)
    for (const [child, branch] of [...tree.children].sort((a, b) => b[1].ms - a[1].ms)) shallow(child, branch, depth + 1)
  }
  for (const [name, tree] of [...tasks].sort((a, b) => b[1].ms - a[1].ms)) shallow(name, tree, 0)
}

async function main(): Promise<void> {
  const script = await benchPageScript()
  const harness = await startHarness()
  try {
    const loadBefore = load1()
    const newPerson = harness.newPerson
    harness.newPerson = async () => {
      const person = await newPerson()
      await person.context.addInitScript(EDGE_TIMER)
      return person
    }
    const viaRelay = process.env.SEND_STAGES_VIA === 'relay'
    const pair = process.env.SEND_STAGES_PAIR ?? 'app'
    const [rep, customer] =
      pair === 'stock'
        ? await stockPair(harness, script)
        : pair === 'channel' || pair === 'text'
          ? await channelPair(harness, script, pair === 'channel' ? 'yjs' : 'text')
          : await appPair(harness, script, viaRelay)
    await measureOneWay(rep, customer, 0, WARMUP, 'warm')
    const profiling = process.env.SEND_STAGES_PROFILE === '1'
    let sessions: CDPSession[] = []
    if (profiling) {
      sessions = await Promise.all([rep, customer].map((page) => page.context().newCDPSession(page)))
      for (const session of sessions) {
        await session.send('Profiler.enable')
        await session.send('Profiler.setSamplingInterval', { interval: 50 })
        await session.send('Profiler.start')
      }
    }
    const rows: number[][] = []
    for (let i = 0; i < MESSAGES; i++) {
      const row = await probe(rep, customer, `[stage-${Date.now().toString(36)}-${i}]`)
      if (row) rows.push(row)
    }
    const names = ['sender: write → channel send', 'wire: send → message created', 'queued: created → listener', 'receiver: listener → applied', 'total: write → applied']
    const what = pair === 'app' ? (viaRelay ? ' (via the relay, signed)' : '') : ` (${pair} pair)`
    console.log(`send stages${what}: ${rows.length}/${MESSAGES} probes matched, load1 ${Math.max(loadBefore, load1())}`)
    names.forEach((name, stage) => {
      const values = rows.map((row) => (stage === 4 ? row[4]! - row[0]! : row[stage + 1]! - row[stage]!))
      const { p50, p90, mean } = stats(values)
      console.log(`${name.padEnd(32)} p50 ${p50.toFixed(3)}  p90 ${p90.toFixed(3)}  mean ${mean.toFixed(3)} ms`)
    })
    if (profiling) {
      const profiles = await Promise.all(sessions.map(async (session) => (await session.send('Profiler.stop')).profile))
      printTrees('rep', profiles[0]! as never, rows.length)
      printTrees('customer', profiles[1]! as never, rows.length)
    }
  } finally {
    await harness.close()
  }
}

await main()
