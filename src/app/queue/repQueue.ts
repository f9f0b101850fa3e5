/**
 * The reps' side of team portals: every portal of every team this rep belongs to has its queue room
 * joined here; waiting requests are opened with the portal's private key and listed live in the
 * console's `Queue`. Take creates a session (the workspace's own path), then writes a claim carrying
 * the join link, sealed for the customer. The customer's page picks one claim by the take rule and
 * writes its pick; every rep reads the same pick, so exactly one rep keeps the session: the others
 * close theirs (the customer never opened it) and are told who took it.
 *
 * Over 400 lines on purpose for now: `createRepQueue` is one closure over each joined room's state (its
 * keys, opened requests, claims and the pick watch) that take, reject and hand-back all share; the
 * sealed-record logic it calls already lives in src/doc/portalQueue.ts and src/app/queue/requestState.ts.
 * The next split is per room (a `joinQueueRoom` returning its own state), not by line count.
 */
import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js'
import * as Y from 'yjs'
import {
  CLOSED_TTL_MS,
  admittedRequests,
  closeRequest,
  isClosed,
  pruneQueue,
  readRawRequests,
  readSignedFacts,
  writeSignedFacts,
  type Claim,
  type RawRequest,
} from '../../doc/portalQueue'
import {
  markSpamWriter,
  portalFactsText,
  portalsMap,
  putQueueLog,
  putTeamPortal,
  queueNumbers,
  readQueueLog,
  readSpamWriters,
  readTeamPortals,
  type PortalFacts,
  type QueueNumbers,
  type TeamPortal,
} from '../../doc/teamPortals'
import { readRepSessionMeta } from '../../doc/session'
import { readReps } from '../../doc/team'
import { createSealKeys, deriveRequestKey } from '../../net/portalSeal'
import { randomId } from '../../net/roomKeys'
import { createSessionAuthority, importSigningKey, signBytes } from '../../net/sessionAuthority'
import type { DocConnection } from '../../net/connectDoc'
import { docDatabaseName, persistDoc, type DocStore } from '../../store/persistDoc'
import { deleteDatabase } from '../../store/localDatabases'
import type { NetworkHub } from '../shell/networkHub'
import { createClock } from '../shell/clock'
import { idleColour, idleSeconds, type IdleColour } from '../shell/idle'
import type { PrefsStore } from '../shell/prefsStore'
import { createBrowserNotifier, type Notifier } from '../shell/notify'
import { t, tn } from '../../i18n/i18n'
import { teamPortalLink } from '../shell/routes'
import type { OpenTeam, RepWorkspace } from '../console/repWorkspace'
import { createHandbackQueue } from './handbackQueue'
import { OpenCache, openRequest, submittedAt, writeEvent, type OpenedRequest } from './requestState'

/** A waiting request as the queue lists it. */
export interface QueueItem {
  requestId: string
  portalId: string
  portalName: string
  teamId: string
  customerName: string
  problem: string
  fields: OpenedRequest['payload']['fields']
  details: string[]
  /** Submit time (never in the future). */
  at: number
  /** Names of the reps who pressed Take and wait for the customer's page to pick. */
  claimedBy: string[]
  /** Whether this rep pressed Take on it. */
  mine: boolean
  /** Set for a session a team mate handed back to the queue: their name (`requestId` is the handback's id). */
  handbackFrom?: string
}

/** How a Take of this rep ended, for the queue's status line. */
export interface TakeOutcome {
  requestId: string
  customerName: string
  result: 'won' | 'lost' | 'cancelled' | 'rejected'
  /** Who got it (for `lost`). */
  byName: string
}

/** A portal as the Portals dialog lists it. */
export interface PortalRow {
  portalId: string
  teamId: string
  name: string
  link: string
}

/** What a rep types to create a portal. */
export interface PortalInput {
  name: string
  greeting: string
  hours: string
  lang: PortalFacts['lang']
  fields: PortalFacts['fields']
}

/** The console's queue. */
export interface RepQueue {
  items: Accessor<QueueItem[]>
  outcomes: Accessor<TakeOutcome[]>
  /** The latest new request, for a polite live region. */
  arrivals: Accessor<QueueItem[]>
  portals: Accessor<PortalRow[]>
  numbers: Accessor<QueueNumbers & { takenTodayNamed: { name: string; count: number }[] }>
  /** How long a request has waited, and its colour by the session tabs' thresholds (reactive: ticks every second). */
  age(item: QueueItem): { seconds: number; colour: IdleColour }
  createPortal(input: PortalInput): Promise<PortalRow | undefined>
  take(item: QueueItem): Promise<void>
  reject(item: QueueItem, spam: boolean): Promise<void>
}

interface OpenPortal {
  portal: TeamPortal
  team: OpenTeam
  doc: Y.Doc
  connection: DocConnection
  store: DocStore
  keys: Map<string, Promise<CryptoKey | undefined>>
  stop(): void
}

/** How often reps prune closed requests from a portal's room. */
const PRUNE_EVERY_MS = 60_000

/** Follows the workspace's teams and their portals. Must run inside a reactive owner. */
export function createRepQueue(
  workspace: RepWorkspace,
  hub: Pick<NetworkHub, 'connect' | 'release'>,
  origin: string,
  prefs: PrefsStore,
  notifier: Pick<Notifier, 'isHidden' | 'notify' | 'beep'> = createBrowserNotifier(),
  /** Created because something new arrived (lazyRepQueue.ts): what is there now is announced, no quiet first round. */
  announceAtOnce = false,
): RepQueue {
  const open = new Map<string, OpenPortal>()
  const cache = new OpenCache()
  const [items, setItems] = createSignal<QueueItem[]>([])
  const [outcomes, setOutcomes] = createSignal<TakeOutcome[]>([])
  const [arrivals, setArrivals] = createSignal<QueueItem[]>([])
  const [portals, setPortals] = createSignal<PortalRow[]>([])
  const [logVersion, setLogVersion] = createSignal(0)
  const clock = createClock()
  const seen = new Set<string>()
  const resolved = new Set<string>()
  const taking = new Set<string>()
  /** Requests whose sealed events say they ended (only these are pruned once closed). */
  const done = new Set<string>()
  /** Claims this page wrote and that no pick has settled yet (re-written if a peer deletes them). */
  const myClaims = new Map<string, Claim>()
  let firstRound = !announceAtOnce
  const perPortal = new Map<string, QueueItem[]>()

  const me = () => workspace.profile()
  const handbacks = createHandbackQueue(workspace, (outcome) => {
    setOutcomes((list) => [{ requestId: outcome.handbackId, customerName: outcome.customerName, result: outcome.won ? ('won' as const) : ('lost' as const), byName: outcome.byName }, ...list].slice(0, 5))
  })
  // Like a customer's message: in the background, a new request beeps (by preference) and shows a system notification.
  const announce = (fresh: QueueItem[]): void => {
    if (!notifier.isHidden()) return
    if (prefs.prefs.chatSound) notifier.beep()
    const first = fresh[0]
    if (!first) return
    notifier.notify({
      title: tn('queue.arrived', fresh.length, { name: first.customerName }),
      body: `${first.handbackFrom !== undefined ? t('queue.handedBack', { name: first.handbackFrom }) : t('queue.portal', { name: first.portalName })} — ${first.problem.slice(0, 140)}`,
      tag: `queue:${first.requestId}`,
      onClick: () => undefined,
    })
  }

  const keyFor = (entry: OpenPortal, request: RawRequest): Promise<CryptoKey | undefined> => {
    let key = entry.keys.get(request.requestId)
    if (!key) {
      key = deriveRequestKey(entry.portal.seal.privateKey, request.pub, entry.portal.portalId, request.requestId)
      entry.keys.set(request.requestId, key)
    }
    return key
  }

  const publishFacts = async (entry: OpenPortal): Promise<void> => {
    const text = portalFactsText(entry.portal.portalId, entry.portal)
    if (readSignedFacts(entry.doc)?.facts === text) return
    const key = await importSigningKey(entry.portal.sign.privateKey)
    if (key) writeSignedFacts(entry.doc, { facts: text, signature: await signBytes(key, new TextEncoder().encode(text)) })
  }

  /** Settles this rep's takes on a request once the customer's page has picked (or the request ended). */
  const settleMine = async (entry: OpenPortal, opened: OpenedRequest): Promise<void> => {
    const profile = me()
    if (!profile || resolved.has(opened.raw.requestId)) return
    const mine = opened.claims.filter((claim) => claim.repId === profile.repId)
    if (mine.length === 0) return
    const pick = opened.pick
    const ended = opened.cancelled || opened.rejected !== undefined
    if (!pick && !ended) return
    resolved.add(opened.raw.requestId)
    const won = pick && mine.find((claim) => claim.repId === pick.repId && claim.link.sessionId === pick.sessionId)
    for (const claim of mine) {
      if (won && claim === won) continue
      // The customer never opened this session: close it here and drop it from the team's index.
      await workspace.close(claim.link.sessionId)
      entry.team.sessions.remove(claim.link.sessionId)
      await Promise.all([deleteDatabase(docDatabaseName('rep', claim.link.sessionId)), deleteDatabase(docDatabaseName('customer', claim.link.sessionId))])
    }
    myClaims.delete(opened.raw.requestId)
    if (won && pick) {
      putQueueLog(entry.team.doc, { requestId: opened.raw.requestId, portalId: entry.portal.portalId, repId: profile.repId, takenAt: pick.at, waitedMs: Math.max(0, pick.at - opened.raw.at) })
    }
    const result: TakeOutcome['result'] = won ? 'won' : pick ? 'lost' : opened.cancelled ? 'cancelled' : 'rejected'
    setOutcomes((list) => [{ requestId: opened.raw.requestId, customerName: opened.payload.name, result, byName: pick?.repName ?? '' }, ...list].slice(0, 5))
  }

  const refreshPortal = async (entry: OpenPortal): Promise<void> => {
    const now = Date.now()
    const ignored = readSpamWriters(entry.team.doc, entry.portal.portalId)
    const admitted = admittedRequests(entry.doc, now, ignored)
    const admittedIds = new Set(admitted.map((request) => request.requestId))
    // Closed requests this rep claimed still need settling (a pick that arrived with the close, after a reconnect).
    const closedMine = readRawRequests(entry.doc).filter(
      (request) => !admittedIds.has(request.requestId) && isClosed(entry.doc, request.requestId) && !resolved.has(request.requestId) && now - request.at < CLOSED_TTL_MS * 6,
    )
    const list: QueueItem[] = []
    const profile = me()
    for (const request of [...admitted, ...closedMine.slice(-50)]) {
      const key = await keyFor(entry, request)
      if (!key) continue
      const opened = await openRequest(entry.doc, request.requestId, key, cache)
      if (!opened) continue
      // A peer of the public room may delete entries: a claim of this rep that vanished before any pick is written again.
      const claimed = myClaims.get(request.requestId)
      if (claimed && !opened.pick && !opened.closed && !opened.claims.some((claim) => claim.repId === claimed.repId && claim.link.sessionId === claimed.link.sessionId)) {
        await writeEvent(entry.doc, request.requestId, key, { k: 'claim', ...claimed })
      }
      if (opened.pick || opened.cancelled || opened.rejected) done.add(request.requestId)
      await settleMine(entry, opened)
      if (!admittedIds.has(request.requestId) || opened.cancelled || opened.rejected || opened.pick) continue
      list.push({
        requestId: request.requestId,
        portalId: entry.portal.portalId,
        portalName: entry.portal.name,
        teamId: entry.team.membership.teamId,
        customerName: opened.payload.name,
        problem: opened.payload.problem,
        fields: opened.payload.fields,
        details: opened.details,
        at: submittedAt(request, now),
        claimedBy: opened.claims.map((claim) => claim.repName),
        mine: profile !== undefined && opened.claims.some((claim) => claim.repId === profile.repId),
      })
    }
    perPortal.set(entry.portal.portalId, list)
    publish()
  }

  const publish = (): void => {
    const handedBack: QueueItem[] = handbacks.items().map(({ handback, teamId, claimedBy, mine }) => ({
      requestId: handback.id,
      portalId: '',
      portalName: '',
      teamId,
      customerName: handback.customerName,
      problem: handback.comment,
      fields: {},
      details: [],
      at: Math.min(handback.at, Date.now()),
      claimedBy,
      mine,
      handbackFrom: handback.fromName,
    }))
    const all = [...[...perPortal.values()].flat(), ...handedBack].sort((a, b) => a.at - b.at || (a.requestId < b.requestId ? -1 : 1))
    const fresh = all.filter((item) => !seen.has(item.requestId))
    for (const item of all) seen.add(item.requestId)
    if (!firstRound && fresh.length > 0) {
      setArrivals(fresh)
      announce(fresh)
    }
    setItems(all)
  }

  const refreshing = new Map<string, Promise<void>>()
  const again = new Set<string>()
  const scheduleRefresh = (entry: OpenPortal): void => {
    const id = entry.portal.portalId
    if (refreshing.has(id)) {
      again.add(id)
      return
    }
    const run = refreshPortal(entry)
      .catch((cause: unknown) => console.warn('queue refresh failed', cause))
      .finally(() => {
        refreshing.delete(id)
        if (again.delete(id) && open.get(id) === entry) scheduleRefresh(entry)
      })
    refreshing.set(id, run)
  }

  const openPortal = async (team: OpenTeam, portal: TeamPortal): Promise<void> => {
    const doc = new Y.Doc()
    const store = await persistDoc(doc, `asiste:queue:${portal.portalId}`)
    const connection = await hub.connect(doc, 'queue', portal.portalId, portal.seal.publicKey)
    const profile = me()
    if (profile) connection.setUser({ id: profile.repId, name: profile.name, role: 'rep' })
    const entry: OpenPortal = {
      portal,
      team,
      doc,
      connection,
      store,
      keys: new Map(),
      stop: () => undefined,
    }
    const onUpdate = (): void => scheduleRefresh(entry)
    doc.on('update', onUpdate)
    const prune = setInterval(() => pruneQueue(doc, Date.now(), (requestId) => done.has(requestId)), PRUNE_EVERY_MS)
    entry.stop = () => {
      clearInterval(prune)
      doc.off('update', onUpdate)
      connection.destroy()
      hub.release(connection)
      void store.close()
      doc.destroy()
    }
    open.set(portal.portalId, entry)
    void publishFacts(entry)
    scheduleRefresh(entry)
  }

  const syncPortals = (): void => {
    const rows: PortalRow[] = []
    const wanted = new Set<string>()
    for (const team of workspace.teams()) {
      for (const portal of readTeamPortals(team.doc)) {
        wanted.add(portal.portalId)
        rows.push({ portalId: portal.portalId, teamId: team.membership.teamId, name: portal.name, link: teamPortalLink(origin, portal.portalId, portal.seal.publicKey, portal.sign.publicKey) })
        const current = open.get(portal.portalId)
        if (current && JSON.stringify(current.portal) !== JSON.stringify(portal)) {
          current.portal = portal
          void publishFacts(current)
        }
        if (!current && !opening.has(portal.portalId)) {
          opening.add(portal.portalId)
          void openPortal(team, portal)
            .catch((cause: unknown) => console.warn('could not open a portal queue', cause))
            .finally(() => opening.delete(portal.portalId))
        }
      }
    }
    for (const [portalId, entry] of open) {
      if (wanted.has(portalId)) continue
      entry.stop()
      open.delete(portalId)
      perPortal.delete(portalId)
    }
    setPortals(rows)
  }
  const opening = new Set<string>()

  createEffect(
    on(workspace.teams, (teams) => {
      const stops = teams.map((team) => {
        const onChange = (): void => {
          syncPortals()
          for (const entry of open.values()) scheduleRefresh(entry)
        }
        const stopHandbacks = handbacks.observe(team)
        const onLog = (): void => {
          setLogVersion((version) => version + 1)
        }
        portalsMap(team.doc).observe(onChange)
        team.doc.getMap('portalLog').observe(onLog)
        team.doc.getMap('portalSpam').observe(onChange)
        return () => {
          stopHandbacks()
          portalsMap(team.doc).unobserve(onChange)
          team.doc.getMap('portalLog').unobserve(onLog)
          team.doc.getMap('portalSpam').unobserve(onChange)
        }
      })
      syncPortals()
      for (const entry of open.values()) scheduleRefresh(entry)
      handbacks.refresh()
      onCleanup(() => {
        for (const stop of stops) stop()
      })
    }),
  )
  // Not deferred: a queue created while handbacks already wait (loaded on their arrival) lists them at once.
  createEffect(on(handbacks.items, () => publish()))
  // The first round lists what was already waiting without announcing it.
  setTimeout(() => {
    firstRound = false
  }, 3_000)
  onCleanup(() => {
    for (const entry of open.values()) entry.stop()
    open.clear()
  })

  return {
    items,
    outcomes,
    arrivals,
    portals,
    numbers: () => {
      logVersion()
      const now = clock()
      const dayStart = new Date(now).setHours(0, 0, 0, 0)
      const team = workspace.teams().find((candidate) => candidate.membership.teamId === workspace.currentTeamId()) ?? workspace.teams()[0]
      const log = team ? readQueueLog(team.doc) : []
      const names = new Map(team ? readReps(team.doc).map((rep) => [rep.repId, rep.name]) : [])
      const numbers = queueNumbers(log, items().length, dayStart)
      return { ...numbers, takenTodayNamed: numbers.takenToday.map((row) => ({ name: names.get(row.repId) ?? row.repId, count: row.count })) }
    },
    age(item) {
      const now = clock()
      return { seconds: idleSeconds(item.at, now), colour: idleColour(item.at, now, prefs.prefs.yellowAfterS, prefs.prefs.redAfterS) }
    },
    async createPortal(input) {
      const team = workspace.teams().find((candidate) => candidate.membership.teamId === workspace.currentTeamId()) ?? workspace.teams()[0]
      if (!team) return undefined
      const [seal, sign] = await Promise.all([createSealKeys(), createSessionAuthority()])
      const portal: TeamPortal = { portalId: randomId(), createdAt: Date.now(), seal, sign, ...input, name: input.name.trim(), fields: [...input.fields] }
      putTeamPortal(team.doc, portal)
      syncPortals()
      return portals().find((row) => row.portalId === portal.portalId)
    },
    async take(item) {
      if (item.handbackFrom !== undefined) {
        const handback = handbacks.items().find((candidate) => candidate.handback.id === item.requestId)
        if (handback) handbacks.take(handback)
        return
      }
      const entry = open.get(item.portalId)
      const profile = me()
      const request = entry && readRawRequests(entry.doc).find((candidate) => candidate.requestId === item.requestId)
      if (!entry || !profile || !request || taking.has(item.requestId)) return
      taking.add(item.requestId)
      try {
        const key = await keyFor(entry, request)
        if (!key) return
        const session = await workspace.newPortalSession(item.teamId, item.customerName, item.portalName)
        if (!session) return
        const meta = readRepSessionMeta(session.repDoc)
        const claim: Claim = {
          repId: profile.repId,
          repName: profile.name,
          at: Date.now(),
          link: { sessionId: session.sessionId, key: session.customerKey, ...(meta?.authority ? { authority: meta.authority } : {}) },
        }
        myClaims.set(item.requestId, claim)
        await writeEvent(entry.doc, item.requestId, key, { k: 'claim', ...claim })
      } finally {
        taking.delete(item.requestId)
      }
    },
    async reject(item, spam) {
      const entry = open.get(item.portalId)
      const profile = me()
      const request = entry && readRawRequests(entry.doc).find((candidate) => candidate.requestId === item.requestId)
      if (!entry || !profile || !request) return
      const key = await keyFor(entry, request)
      if (!key) return
      await writeEvent(entry.doc, item.requestId, key, { k: 'reject', spam, repName: profile.name, at: Date.now() })
      closeRequest(entry.doc, item.requestId, Date.now())
      if (spam) markSpamWriter(entry.team.doc, item.portalId, request.writer, Date.now())
    },
  }
}
