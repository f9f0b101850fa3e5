/**
 * The rep console's state: profile, personal team, open sessions and the one
 * in front. Everything is written locally first; rooms sync when they can.
 */
import { createSignal, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import { appendEntry } from '../doc/transcript'
import { readIntake } from '../doc/intake'
import { putSessionSummary, readSessionIndex, readSessionSummary, sessionsMap, updateSessionSummary, type SessionSummary } from '../doc/team'
import { randomId, randomKey } from '../net/roomKeys'
import { generateDeviceKeys, loadProfile, saveProfile, type RepProfile, type TeamMembership } from '../store/profile'
import { createRepSession, openRepSession, type OpenContext, type RepSession } from './repSession'
import { openTeamDoc } from './teamConnection'
import { endSession, pushUrl, type Outcome } from './sessionActions'
import type { NetworkHub } from './networkHub'

export type { RepProfile, Outcome }

/** Where the console is in its start-up. */
export type WorkspacePhase = 'loading' | 'needsProfile' | 'ready' | 'failed'

/** The rep console's state and actions. */
export interface RepWorkspace {
  phase: Accessor<WorkspacePhase>
  error: Accessor<string | undefined>
  profile: Accessor<RepProfile | undefined>
  /** Open sessions (not ended), oldest first, as listed in the team doc. */
  tabs: Accessor<SessionSummary[]>
  activeId: Accessor<string | undefined>
  select(sessionId: string): void
  session(sessionId: string): RepSession | undefined
  createProfile(name: string): Promise<void>
  newSession(): Promise<void>
  /** Sends a chat message to everyone in the session. */
  send(sessionId: string, text: string): void
  /** Pushes a checked http(s) URL to the customer. */
  pushUrl(sessionId: string, url: string): void
  /** Ends a session with an outcome and a closing note. */
  endSession(sessionId: string, outcome: Outcome, note: string): void
  /** Publishes whether the rep is typing in a session. */
  setTyping(sessionId: string, typing: boolean): void
  /** The team doc (scripted library, session index), once loaded. */
  teamDoc: Accessor<Y.Doc | undefined>
}

/** Creates the workspace and starts loading it. */
export function createRepWorkspace(hub: NetworkHub): RepWorkspace {
  const [phase, setPhase] = createSignal<WorkspacePhase>('loading')
  const [error, setError] = createSignal<string>()
  const [profile, setProfile] = createSignal<RepProfile>()
  const [tabs, setTabs] = createSignal<SessionSummary[]>([])
  const [activeId, setActiveId] = createSignal<string>()
  const [openSessions, setOpenSessions] = createSignal(new Map<string, RepSession>(), { equals: false })
  let teamDoc: Y.Doc | undefined
  const [teamDocSignal, setTeamDoc] = createSignal<Y.Doc>()
  let context: OpenContext | undefined

  const refreshTabs = (): void => {
    if (!teamDoc) return
    const open = readSessionIndex(teamDoc).filter((row) => openSessions().has(row.sessionId))
    setTabs(open.sort((a, b) => a.createdAt - b.createdAt))
  }
  const remember = (session: RepSession): void => {
    setOpenSessions((map) => map.set(session.sessionId, session))
    refreshTabs()
  }
  const onCustomerJoined = (sessionId: string): void => {
    const session = openSessions().get(sessionId)
    const intake = session && readIntake(session.repDoc, 'rep')
    if (!teamDoc || !intake) return
    const wasWaiting = readSessionSummary(teamDoc, sessionId)?.state === 'waiting'
    updateSessionSummary(teamDoc, sessionId, { customerName: intake.customerName, state: 'active', lastActivity: Date.now() })
    if (wasWaiting) setActiveId(sessionId) // the chat box comes to the front by itself
  }

  const start = async (loaded: RepProfile): Promise<void> => {
    const team = loaded.teams[0] as TeamMembership
    teamDoc = await openTeamDoc(hub, team, loaded)
    setTeamDoc(teamDoc)
    context = { profile: loaded, team, hub, onCustomerJoined }
    sessionsMap(teamDoc).observe(refreshTabs)
    for (const row of readSessionIndex(teamDoc).reverse()) {
      if (row.state === 'ended') continue
      try {
        remember(await openRepSession(context, row.sessionId))
      } catch (cause) {
        console.warn('could not reopen a session', cause)
      }
    }
    setActiveId((current) => current ?? tabs().at(-1)?.sessionId)
    setPhase('ready')
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

  return {
    phase,
    error,
    profile,
    tabs,
    activeId,
    select: setActiveId,
    session: (sessionId) => openSessions().get(sessionId),
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
      if (!context || !teamDoc) return
      const now = Date.now()
      const session = await createRepSession(context, now)
      putSessionSummary(teamDoc, { sessionId: session.sessionId, createdAt: now, customerName: '', state: 'waiting', lastActivity: now })
      remember(session)
      setActiveId(session.sessionId)
    },
    send(sessionId, text) {
      const session = openSessions().get(sessionId)
      const me = profile()
      if (!session || !me) return
      appendEntry(session.repDoc, { kind: 'chat', audience: 'all', authorId: me.repId, authorName: me.name, authorRole: 'rep', text })
      session.customerConnection.setTyping(false)
      if (teamDoc) updateSessionSummary(teamDoc, sessionId, { lastActivity: Date.now() })
    },
    pushUrl(sessionId, url) {
      const session = openSessions().get(sessionId)
      const me = profile()
      if (session && me) pushUrl(session.repDoc, me, url)
    },
    endSession(sessionId, outcome, note) {
      const session = openSessions().get(sessionId)
      const me = profile()
      if (session && me) endSession(session.repDoc, teamDoc, sessionId, me, outcome, note)
    },
    setTyping(sessionId, typing) {
      openSessions().get(sessionId)?.customerConnection.setTyping(typing)
    },
    teamDoc: teamDocSignal,
  }
}
