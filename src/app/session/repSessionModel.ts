/**
 * One open session on the rep's side, as the views see it: every projection
 * of its two documents (one transcript projection the others derive from),
 * presence, tamper findings, files, screen, credentials, unread count, the
 * draft and scroll, and the actions. The workspace creates one per open
 * session inside its own reactive root and disposes it on close, so nothing
 * it holds dies with a view (a tab switch only unmounts the view).
 */
import { createMemo, createRoot, createSignal, untrack, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import { metaMap, readRepSessionMeta, type RepSessionMeta } from '../../doc/session'
import { intakeMap, readIntake, type Intake } from '../../doc/intake'
import { readExportDetails, type ExportDetails } from '../../doc/exportData'
import { attendeesMap, readAttendees, type Attendee } from '../../doc/attendees'
import { deliveryState, readReceipts, receiptsMap, type DeliveryState } from '../../doc/receipts'
import { readPortalCode } from '../../doc/portal'
import { notesText } from '../../doc/notes'
import { readReps, type TeamRep } from '../../doc/team'
import type { Audience, Entry } from '../../doc/entry'
import type { Script } from '../../doc/scripts'
import type { RepProfile } from '../../store/profile'
import type { OpenTeam } from '../console/teamConnection'
import { createFollowingReader, createTypesReader } from '../shell/createDocReader'
import { customerLink, portalLink } from '../shell/routes'
import { PORTAL_CODE_TTL_MS, formatPortalCode } from './portalCode'
import type { RepScreen } from '../tools/screenShare'
import type { FileTransfers } from '../tools/fileTransfer'
import type { RepCredentials } from '../tools/credentials'
import { createLazyRepCredentials, createLazyRepScreen } from './lazyRepTools'
import { createLazyRepFiles } from './lazyRepFiles'
import { createTranscript } from './createTranscript'
import { createSessionActivity, type SessionActivity } from './sessionActivity'
import { createSessionPresence, type SessionPresence } from './sessionPresence'
import { createSessionViewState, type SessionViewState } from './sessionViewState'
import { createRepSessionActions, type RepSessionActions } from './repSessionActions'
import type { RepSession } from './repSession'
import { t } from '../../i18n/i18n'
import { firstUse } from '../shell/firstUse'

/** What a session model needs from the console around it. */
export interface RepSessionDeps {
  profile: Accessor<RepProfile | undefined>
  /** The team the session belongs to (its library, its index row, its members). */
  team: Accessor<OpenTeam | undefined>
  /** The page's origin, for the customer link. */
  origin: string
  /** Whether the rep looks at this session now (its tab in front, the page visible): then nothing is unread. */
  isSeen(): boolean
  /** A customer message arrived (for sound and system notifications). */
  onCustomerMessage?(entry: Entry): void
  /** Closes the session on this device (it stays in History). */
  close(): Promise<void>
}

/** One open session, for the views. */
export interface RepSessionModel extends RepSessionActions {
  readonly sessionId: string
  /** The customer's join link (with the session key the customer's page verifies reps' content against). */
  link: Accessor<string>
  entries: Accessor<Entry[]>
  meta: Accessor<RepSessionMeta | undefined>
  intake: Accessor<Intake | undefined>
  details: Accessor<ExportDetails>
  /** Everyone in the conversation, the customer first once they joined. */
  attendees: Accessor<Attendee[]>
  /** The session code while it can still be used: as shown, how long it lasts, and where the customer types it. */
  portalCode: Accessor<{ display: string; minutes: number; portalUrl: string } | undefined>
  /** Intakes that came in through the session code and wait for the rep's answer. */
  waitingIntakes: RepSession['waitingIntakes']
  /** Accepts a waiting intake (the code is spent); a failure is reported in `problem`. */
  acceptIntake(id: string): Promise<void>
  /** Rejects a waiting intake: that page gets nothing of the session, the code keeps working. */
  rejectIntake(id: string): void
  /** This rep's id. */
  selfId: Accessor<string | undefined>
  /** The team doc (its script library). */
  teamDoc: Accessor<Y.Doc | undefined>
  deliveryOf(entry: Entry): DeliveryState | undefined
  ended: Accessor<boolean>
  /** Whether this rep is hidden from the customer. */
  hidden: Accessor<boolean>
  presence: SessionPresence
  notes: Y.Text
  syncWaiting(): { notes: boolean; session: boolean }
  teamReps: Accessor<TeamRep[]>
  /** Team mates who could be invited (not yet in the session). */
  candidates: Accessor<TeamRep[]>
  /** The team's script library; undefined while its code loads (the first read fetches it). */
  scripts: Accessor<Script[] | undefined>
  /** Whether the library's code failed to load (offline before it was cached); reading `scripts` again retries. */
  scriptsFailed: Accessor<boolean>
  /** Values for `{{customer.name}}`-style variables. */
  variables(): Record<string, string>
  screen: RepScreen
  files: FileTransfers
  credentials: RepCredentials
  activity: SessionActivity
  /** Draft, scroll and panel state: they outlive the view. */
  view: SessionViewState
  /** The view says when this session's chat is on screen (the customer's messages then read "Seen"). */
  setOnScreen(onScreen: boolean): void
  audience: Accessor<Audience>
  setAudience(audience: Audience): void
  /** Closes the session on this device (it stays in History; an ended session is not reopened at start). */
  close(): Promise<void>
  /** Why the last action that can fail did not work (shown to the rep), until the next one. */
  problem: Accessor<string | undefined>
  dispose(): void
}

/** Creates the model of an open session in a root of its own; `dispose` ends it (the session is closed by its owner). */
export function createRepSessionModel(session: RepSession, deps: RepSessionDeps): RepSessionModel {
  return createRoot((dispose) => {
    const repDoc = session.repDoc
    const entries = createTranscript(repDoc)
    // Each re-read only when its own maps change: not on every chat message (issue 20, Enter dispatch).
    const [metaTypes, intakeTypes] = [[metaMap(repDoc)], [intakeMap(repDoc, 'rep')]]
    const meta = createTypesReader(repDoc, metaTypes, readRepSessionMeta)
    const intake = createTypesReader(repDoc, intakeTypes, (doc) => readIntake(doc, 'rep'))
    const details = createTypesReader(repDoc, [...metaTypes, ...intakeTypes], readExportDetails)
    const listed = createTypesReader(repDoc, [attendeesMap(repDoc)], readAttendees)
    const receipts = createTypesReader(repDoc, [receiptsMap(repDoc)], readReceipts)
    const portalCode = createTypesReader(repDoc, metaTypes, readPortalCode)
    const teamReps = createFollowingReader(() => deps.team()?.doc, readReps, [])
    // The library's code (src/doc/scripts.ts) is a chunk fetched when a picker or the library first reads it.
    const scriptReader = firstUse(() => import('./createScripts').then((module) => module.createScripts))
    const scripts = createMemo((): Accessor<Script[] | undefined> => {
      const doc = deps.team()?.doc
      const make = scriptReader.current()
      if (!doc) return () => []
      return make ? make(doc) : () => undefined
    })
    const selfId = (): string | undefined => deps.profile()?.repId
    const hidden = (): boolean => listed().find((attendee) => attendee.id === selfId())?.hidden === true
    const presence = createSessionPresence(session, selfId)
    const [audience, setAudience] = createSignal<Audience>('all')
    const attendees = createMemo(() => {
      const list = [...listed()]
      const customer = intake()
      if (customer && !list.some((a) => a.id === customer.customerId)) list.unshift({ id: customer.customerId, name: customer.customerName, role: 'customer', hidden: false })
      return list
    })
    const activity = createSessionActivity(repDoc, {
      sessionId: session.sessionId,
      repId: deps.profile()?.repId ?? '',
      startedAt: meta()?.createdAt ?? Date.now(),
      isSeen: deps.isSeen,
      onCustomerMessage: deps.onCustomerMessage,
    }, untrack(entries))
    // Screen, credentials and file transfers are chunks loaded on first use (lazyRepTools.ts, lazyRepFiles.ts);
    // a file channel the customer opens before then is held until the transfers take it.
    const screen = createLazyRepScreen(session)
    const credentials = createLazyRepCredentials(session)
    const actions = createRepSessionActions(
      session,
      { profile: deps.profile, team: deps.team, hidden, audience },
      { requestScreen: (me) => screen.request(me), requestCredentials: (me) => credentials.request(me) },
    )
    // Actions that can fail report here instead of rejecting into the void.
    const [problem, setProblem] = createSignal<string>()
    const reported =
      <A extends unknown[]>(run: (...args: A) => Promise<void>) =>
      async (...args: A): Promise<void> => {
        setProblem(undefined)
        try {
          await run(...args)
        } catch (cause) {
          setProblem(cause instanceof Error ? cause.message : String(cause))
        }
      }
    return {
      ...actions,
      setHidden: reported(actions.setHidden),
      requestCredentials: reported(actions.requestCredentials),
      close: reported(deps.close),
      problem,
      sessionId: session.sessionId,
      link: () => customerLink(deps.origin, session.sessionId, session.customerKey, meta()?.authority),
      entries,
      meta,
      intake,
      details,
      attendees,
      portalCode: () => {
        const record = portalCode()
        return record && { display: formatPortalCode(record.code), minutes: PORTAL_CODE_TTL_MS / 60_000, portalUrl: portalLink(deps.origin) }
      },
      waitingIntakes: session.waitingIntakes,
      acceptIntake: reported(async (id: string) => {
        if (!(await session.acceptIntake(id))) throw new Error(t('intake.acceptFailed'))
      }),
      rejectIntake: (id) => session.rejectIntake(id),
      selfId,
      teamDoc: () => deps.team()?.doc,
      deliveryOf: (entry) => (entry.authorId === selfId() && entry.kind !== 'status' ? deliveryState(entry.id, entry.authorId, receipts()) : undefined),
      ended: () => meta()?.state === 'ended',
      hidden,
      presence,
      notes: notesText(repDoc),
      syncWaiting: () => ({ notes: session.sync.waiting('notes'), session: session.sync.waiting('session') }),
      teamReps,
      candidates: () => teamReps().filter((rep) => rep.repId !== selfId() && !listed().some((attendee) => attendee.id === rep.repId)),
      scripts: () => {
        if (!scriptReader.started()) void scriptReader.use().catch(() => undefined) // a failed fetch is tried again by the next read
        return scripts()()
      },
      scriptsFailed: scriptReader.failed,
      variables: () => ({
        'customer.name': intake()?.customerName ?? '',
        'customer.request': intake()?.request ?? '',
        'rep.name': deps.profile()?.name ?? '',
        'session.id': session.sessionId,
      }),
      screen,
      files: createLazyRepFiles(session, deps.profile),
      credentials,
      activity,
      view: createSessionViewState(),
      setOnScreen: (onScreen) => session.setOnScreen(onScreen),
      audience: () => (hidden() ? 'reps' : audience()),
      setAudience: (next) => setAudience(hidden() ? 'reps' : next),
      dispose,
    }
  })
}
