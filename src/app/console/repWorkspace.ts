/**
 * The rep console's state: profile, teams, open sessions and the one in
 * front, invitations. Everything is written locally first; rooms sync when
 * they can.
 */
import { createSignal, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import type { PortalIntake } from '../../doc/portalIntake'
import type { Entry } from '../../doc/entry'
import { readIntake } from '../../doc/intake'
import type { SessionSummary } from '../../doc/team'
import type { Invitation } from '../../doc/invitations'
import { randomId, randomKey } from '../../net/roomKeys'
import { generateDeviceKeys, loadProfile, saveProfile, type RepProfile, type TeamMembership } from '../../store/profile'
import { createRepSession, joinRepSession, openRepSession, type OpenContext, type RepSession } from '../session/repSession'
import { openTeamDoc, parseTeamLink, type OpenTeam } from './teamConnection'
import type { Outcome } from '../session/sessionActions'
import { createRepSessionModel, type RepSessionModel } from '../session/repSessionModel'
import type { SessionActivity } from '../session/sessionActivity'
import { acceptInvitation, declineInvitation, leaveAfterTransfer } from './invitationFlow'
import type { NetworkHub } from '../shell/networkHub'
import { initialTab } from './tabNavigation'
import { loadTabLayout } from '../../store/tabLayout'
import { readSnapshot } from '../../store/sessionSnapshot'
import { createPaintGate } from './paintGate'
import { keepSnapshot } from '../session/snapshotKeeper'
import { unsavedKeys } from '../../store/unsavedEdits'

export type { RepProfile, Outcome, OpenTeam, Invitation }

/** Where the console is in its start-up. */
export type WorkspacePhase = 'loading' | 'needsProfile' | 'ready' | 'failed'

/** A session tab: its index row and the team it belongs to. */
export type SessionTab = SessionSummary & { teamId: string }

/** How the console gets the rep's attention for a session (set by the tabs). */
export interface Attention {
  /** Whether the rep looks at this session now: its messages are read as they arrive. */
  isSeen(sessionId: string): boolean
  onCustomerMessage(sessionId: string, entry: Entry): void
  /** Someone came in with the session code and waits to be accepted (alert like a new message). */
  onIntakeWaiting?(sessionId: string, customerName: string, request: string): void
}

/** The rep console's state and actions. */
export interface RepWorkspace {
  phase: Accessor<WorkspacePhase>
  error: Accessor<string | undefined>
  profile: Accessor<RepProfile | undefined>
  /** Open sessions, oldest first. */
  tabs: Accessor<SessionTab[]>
  activeId: Accessor<string | undefined>
  select(sessionId: string): void
  /** The open session's documents and rooms (History reads live documents through it). */
  session(sessionId: string): RepSession | undefined
  /** The open session's model: what its views render and its actions. */
  model(sessionId: string): RepSessionModel | undefined
  /**
   * The last screenful of a session reopened at start: what this device last showed of it, read before its
   * documents. Shown while it opens, and over its real transcript until that has drawn its end (then released).
   */
  snapshot(sessionId: string): Entry[] | undefined
  /** The session view has replaced the snapshot: it is dropped. */
  releaseSnapshot(sessionId: string): void
  /** Whether the console starts by reopening the tab that was in front last time (which then shows its saved rows first). */
  readonly reopensFront: boolean
  /** The opening tab's snapshot rows are laid out: the session's documents may start loading (paintGate.ts). */
  snapshotShown(sessionId: string): void
  /** The open session's unread count and idle clock. */
  activityOf(sessionId: string): SessionActivity | undefined
  /** Closes an open session on this device (it stays in History). */
  close(sessionId: string): Promise<void>
  /** Set once by the tabs: how sessions get the rep's attention. */
  setAttention(attention: Attention): void
  createProfile(name: string): Promise<void>
  newSession(): Promise<void>
  /** Creates a session in `teamId` for a portal's customer (Take): named after the customer, its Details `Portal` row naming the portal. */
  newPortalSession(teamId: string, customerName: string, portalName: string): Promise<RepSession | undefined>
  /** Every team of this rep. */
  teams: Accessor<OpenTeam[]>
  /** The team new sessions are created in. */
  currentTeamId: Accessor<string | undefined>
  setCurrentTeam(teamId: string): void
  /** The team doc of the current team (scripted library, session index). */
  teamDoc: Accessor<Y.Doc | undefined>
  /** The team a session belongs to. */
  teamOf(sessionId: string): OpenTeam | undefined
  createTeam(name: string): Promise<void>
  /** Joins a team from its link; throws a clear error for a bad link. */
  joinTeam(link: string): Promise<void>
  /** Pending invitations addressed to this rep. */
  invitations: Accessor<Invitation[]>
  accept(invitation: Invitation): Promise<void>
  decline(invitation: Invitation): void
}

/** What the workspace needs besides the network. */
export interface WorkspaceOptions {
  /** The page's origin, for links. */
  origin: string
}

/** An open session and its model. */
interface OpenSession {
  session: RepSession
  model: RepSessionModel
  /** Stops keeping its last screenful (src/app/session/snapshotKeeper.ts). */
  stopSnapshot: () => void
}

/** A session whose tab shows while its documents load: its team, and the last screenful read for it. */
interface OpeningSession {
  teamId: string
  rows: Entry[] | undefined
}

/** How long a reopened session's documents wait for its snapshot to show (its views' chunk comes from the service worker in well under this). */
const SNAPSHOT_PAINT_WAIT_MS = 1_000

/** Creates the workspace and starts loading it. */
export function createRepWorkspace(hub: NetworkHub, options: WorkspaceOptions): RepWorkspace {
  const [phase, setPhase] = createSignal<WorkspacePhase>('loading')
  const [error, setError] = createSignal<string>()
  const [profile, setProfile] = createSignal<RepProfile>()
  const [tabs, setTabs] = createSignal<SessionTab[]>([])
  const [activeId, setActiveId] = createSignal<string>()
  const [openSessions, setOpenSessions] = createSignal(new Map<string, OpenSession>(), { equals: false })
  const [opening, setOpening] = createSignal(new Map<string, OpeningSession>(), { equals: false })
  let attention: Attention = { isSeen: () => false, onCustomerMessage: () => undefined }
  const [teams, setTeams] = createSignal<OpenTeam[]>([])
  const [currentTeamId, setCurrentTeamId] = createSignal<string>()
  const [invitations, setInvitations] = createSignal<Invitation[]>([])
  const painted = createPaintGate(SNAPSHOT_PAINT_WAIT_MS)
  const lastFront = loadTabLayout().active // the tab in front last time: it reopens first, with its saved rows

  const teamById = (teamId: string | undefined): OpenTeam | undefined => teams().find((team) => team.membership.teamId === teamId)
  const teamOf = (sessionId: string): OpenTeam | undefined => teamById(openSessions().get(sessionId)?.session.teamId)
  const contextFor = (team: OpenTeam): OpenContext | undefined => {
    const me = profile()
    return me && { profile: me, team: team.membership, hub, onCustomerJoined, onIntakeWaiting }
  }

  const refreshTabs = (): void => {
    const rows: SessionTab[] = []
    for (const team of teams()) {
      for (const row of team.sessions.rows()) {
        const teamId = openSessions().get(row.sessionId)?.session.teamId ?? opening().get(row.sessionId)?.teamId
        if (teamId === team.membership.teamId) rows.push({ ...row, teamId })
      }
    }
    setTabs(rows.sort((a, b) => a.createdAt - b.createdAt))
  }
  const refreshInvitations = (): void => {
    const me = profile()
    if (!me) return
    const mine = teams().flatMap((team) => team.coordination.invitations().filter((invitation) => invitation.toId === me.repId && invitation.state === 'pending'))
    setInvitations(mine.filter((invitation) => !openSessions().has(invitation.sessionId)))
    for (const team of teams()) {
      for (const invitation of team.coordination.invitations()) {
        const session = openSessions().get(invitation.sessionId)?.session
        if (session && invitation.kind === 'transfer' && invitation.fromId === me.repId && invitation.state === 'accepted') {
          void leaveAfterTransfer(session, team, me).then(() => forget(invitation.sessionId))
        }
      }
    }
  }
  const remember = (session: RepSession): void => {
    const { sessionId } = session
    const model = createRepSessionModel(session, {
      profile,
      team: () => teamOf(sessionId),
      origin: options.origin,
      isSeen: () => attention.isSeen(sessionId),
      onCustomerMessage: (entry) => attention.onCustomerMessage(sessionId, entry),
      close: () => forget(sessionId),
    })
    const stopSnapshot = keepSnapshot(sessionId, model.entries)
    setOpenSessions((map) => map.set(sessionId, { session, model, stopSnapshot }))
    refreshTabs() // an opening tab stays in `opening` until its view releases the snapshot
    refreshInvitations()
  }
  /** The session could not open, or its view released the snapshot: the opening record goes (the tab stays if it is open). */
  const stopOpening = (sessionId: string): void => {
    if (opening().has(sessionId)) {
      setOpening((map) => {
        map.delete(sessionId)
        return map
      })
    }
    refreshTabs()
  }
  const forget = async (sessionId: string): Promise<void> => {
    const open = openSessions().get(sessionId)
    if (!open) return
    setOpenSessions((map) => {
      map.delete(sessionId)
      return map
    })
    if (activeId() === sessionId) setActiveId(tabs().find((tab) => tab.sessionId !== sessionId)?.sessionId)
    stopOpening(sessionId)
    open.stopSnapshot()
    open.model.dispose()
    await open.session.close()
  }
  function onIntakeWaiting(sessionId: string, intakes: PortalIntake[]): void {
    const team = teamOf(sessionId)
    if (team && team.sessions.read(sessionId)?.state === 'waiting') setActiveId(sessionId) // the request comes to the front, like a customer joining
    for (const intake of intakes) attention.onIntakeWaiting?.(sessionId, intake.customerName, intake.request)
  }
  function onCustomerJoined(sessionId: string): void {
    const session = openSessions().get(sessionId)?.session
    const team = teamOf(sessionId)
    const intake = session && readIntake(session.repDoc, 'rep')
    if (!team || !intake) return
    const wasWaiting = team.sessions.read(sessionId)?.state === 'waiting'
    team.sessions.update(sessionId, { customerName: intake.customerName, state: 'active', lastActivity: Date.now() })
    if (wasWaiting) setActiveId(sessionId) // the chat box comes to the front by itself
  }

  const addTeam = async (membership: TeamMembership, creating: boolean): Promise<OpenTeam> => {
    const me = profile()
    if (!me) throw new Error('no profile')
    const team = await openTeamDoc(hub, membership, me, creating)
    setTeams((list) => [...list, team])
    team.sessions.observe(refreshTabs)
    team.coordination.observe(refreshInvitations)
    return team
  }

  const start = async (loaded: RepProfile): Promise<void> => {
    // The last screenful of the tab in front last time is read while the teams load (it needs no team doc).
    const prefetched = lastFront === undefined ? undefined : readSnapshot(lastFront).catch(() => undefined)
    const reopen: { context: OpenContext; row: SessionSummary }[] = []
    for (const [index, membership] of loaded.teams.entries()) {
      const team = await addTeam(membership, index === 0)
      const context = contextFor(team)
      if (!context) continue
      for (const row of team.sessions.rows().reverse()) {
        if (row.state !== 'ended' && row.reps.includes(loaded.repId)) reopen.push({ context, row })
      }
    }
    const open = ({ context, row }: (typeof reopen)[number]): Promise<void> =>
      openRepSession(context, row.sessionId).then(remember, (cause: unknown) => {
        stopOpening(row.sessionId)
        if (activeId() === row.sessionId) setActiveId(undefined) // its snapshot tab was in front: another takes its place
        console.warn('could not reopen a session', cause)
      })
    const pickFront = (ids: string[]): string | undefined => initialTab(ids, loadTabLayout().active) // the tab in front last time
    // The console is ready as soon as the tab in front is open; the other sessions open side by side
    // behind it, each waiting on its own IndexedDB reads only (issue #10, offline start).
    const frontId = pickFront([...reopen].sort((a, b) => a.row.createdAt - b.row.createdAt).map(({ row }) => row.sessionId))
    const front = reopen.find(({ row }) => row.sessionId === frontId)
    // The tab in front shows at once with its last screenful (a small read), while its documents load: a big
    // session's record takes seconds to read and parse (issue 20, big session open).
    const frontSnapshot = front && (front.row.sessionId === lastFront ? prefetched : readSnapshot(front.row.sessionId).catch(() => undefined))
    const rows = await frontSnapshot
    if (front && rows) {
      setOpening((map) => map.set(front.row.sessionId, { teamId: front.context.team.teamId, rows }))
      refreshTabs()
      setActiveId(front.row.sessionId)
      setCurrentTeamId(loaded.teams[0]?.teamId)
      setPhase('ready')
      await painted.wait(front.row.sessionId) // the record's parse is a long task: the saved rows show first
    }
    if (front) await open(front)
    const others = Promise.all(reopen.filter((item) => item !== front).map(open))
    setCurrentTeamId((current) => current ?? loaded.teams[0]?.teamId)
    setActiveId((current) => current ?? pickFront(tabs().map((tab) => tab.sessionId)))
    refreshInvitations()
    setPhase('ready')
    await others
    setActiveId((current) => current ?? pickFront(tabs().map((tab) => tab.sessionId)))
    // Edits a page kept as it was left, of sessions not reopened (ended, then the tab closed): stored now, so
    // History reads them from the database. Its module is fetched only when there are any.
    if (unsavedKeys().length > 0) {
      void import('../../store/localDatabases')
        .then((module) => module.storeUnsavedCopies())
        .catch((cause: unknown) => console.warn('could not store the edits kept as a page was left', cause))
    }
  }

  const fail = (cause: unknown): void => {
    setError(cause instanceof Error ? cause.message : String(cause))
    setPhase('failed')
  }

  void loadProfile()
    .then(async (loaded) => {
      if (!loaded) {
        setPhase('needsProfile')
        return
      }
      setProfile(loaded)
      await start(loaded)
    })
    .catch(fail)

  const saveMembership = async (membership: TeamMembership): Promise<void> => {
    const me = profile()
    if (!me) return
    const updated = { ...me, teams: [...me.teams, membership] }
    await saveProfile(updated)
    setProfile(updated)
  }

  return {
    phase,
    error,
    profile,
    tabs,
    activeId,
    select: setActiveId,
    session: (sessionId) => openSessions().get(sessionId)?.session,
    model: (sessionId) => openSessions().get(sessionId)?.model,
    snapshot: (sessionId) => opening().get(sessionId)?.rows,
    releaseSnapshot: (sessionId) => {
      if (openSessions().has(sessionId)) stopOpening(sessionId)
    },
    reopensFront: lastFront !== undefined,
    snapshotShown: (sessionId) => painted.shown(sessionId),
    activityOf: (sessionId) => openSessions().get(sessionId)?.model.activity,
    close: forget,
    setAttention(next) {
      attention = next
    },
    async createProfile(name) {
      const created: RepProfile = {
        repId: randomId(),
        name: name.trim(),
        teams: [{ teamId: randomId(), secret: randomKey(), name: name.trim() }],
        deviceKeys: await generateDeviceKeys(),
      }
      await saveProfile(created)
      setProfile(created)
      setPhase('loading')
      await start(created).catch(fail)
    },
    async newSession() {
      const team = teamById(currentTeamId()) ?? teams()[0]
      const context = team && contextFor(team)
      if (!team || !context) return
      const now = Date.now()
      const session = await createRepSession(context, now)
      team.sessions.put({ sessionId: session.sessionId, createdAt: now, customerName: '', state: 'waiting', lastActivity: now, reps: [context.profile.repId] })
      remember(session)
      setActiveId(session.sessionId)
    },
    async newPortalSession(teamId, customerName, portalName) {
      const team = teamById(teamId)
      const context = team && contextFor(team)
      if (!team || !context) return undefined
      const now = Date.now()
      const session = await createRepSession(context, now, portalName.slice(0, 32))
      team.sessions.put({ sessionId: session.sessionId, createdAt: now, customerName: customerName.slice(0, 80), state: 'waiting', lastActivity: now, reps: [context.profile.repId] })
      remember(session)
      setActiveId(session.sessionId)
      return session
    },
    teams,
    currentTeamId,
    setCurrentTeam: setCurrentTeamId,
    teamDoc: () => teamById(currentTeamId())?.doc,
    teamOf,
    async createTeam(name) {
      const membership = { teamId: randomId(), secret: randomKey(), name: name.trim() }
      await saveMembership(membership)
      await addTeam(membership, true)
      setCurrentTeamId(membership.teamId)
    },
    async joinTeam(link) {
      const parsed = parseTeamLink(link)
      if (!parsed) throw new TypeError('not a team link')
      if (teamById(parsed.teamId)) {
        setCurrentTeamId(parsed.teamId)
        return
      }
      const membership = { ...parsed, name: '' }
      await saveMembership(membership)
      await addTeam(membership, false)
      setCurrentTeamId(membership.teamId)
    },
    invitations,
    async accept(invitation) {
      const team = teams().find((candidate) => candidate.coordination.invitations().some((item) => item.id === invitation.id))
      const context = team && contextFor(team)
      if (!team || !context) return
      acceptInvitation(team, invitation, context.profile)
      const session = await joinRepSession(context, invitation.sessionId, invitation.hidden)
      remember(session)
      setActiveId(session.sessionId)
    },
    decline(invitation) {
      const team = teams().find((candidate) => candidate.coordination.invitations().some((item) => item.id === invitation.id))
      if (team) declineInvitation(team, invitation)
    },
  }
}
