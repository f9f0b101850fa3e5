/**
 * The customer's side of a team portal (`#/p/<portalId>.<sealKey>.<signKey>`): the portal's signed facts,
 * the intake, then the waiting request — its place, details, cancel — until a rep takes it. Then the page
 * picks the winning claim by the take rule (src/doc/portalQueue.ts), writes its pick (final for every
 * rep) and moves into the session's chat with the intake already given.
 *
 * The request survives closing the tab: its id and keys are kept on this device (src/store/portalRequests.ts)
 * and the queue doc is cached in IndexedDB; coming back re-announces the request if a peer removed it.
 */
import { createRoot, createSignal, type Accessor } from 'solid-js'
import * as Y from 'yjs'
import {
  MAX_DETAILS,
  MAX_WAITING_REQUESTS,
  admittedRequests,
  closeRequest,
  readRawRequest,
  readSignedFacts,
  reopenRequest,
  ruleWinner,
  writeRawRequest,
  type Claim,
} from '../../doc/portalQueue'
import { parsePortalFacts, portalFactsText, type PortalFacts } from '../../doc/teamPortals'
import { createSealKeys, deriveRequestKey, sealJson } from '../../net/portalSeal'
import { randomId } from '../../net/roomKeys'
import { importVerifyingKey, verifyBytes } from '../../net/sessionAuthority'
import type { DocConnection } from '../../net/connectDoc'
import { persistDoc } from '../../store/persistDoc'
import { forgetStoredRequest, loadStoredRequest, savePrefilledIntake, saveStoredRequest, type StoredRequest } from '../../store/portalRequests'
import type { NetworkHub } from '../shell/networkHub'
import { joinHash } from '../shell/routes'
import { registerHostileTarget } from '../shell/debugRegistry'
import { readOsAndBrowser, readSystemInfo, type OsAndBrowser } from '../customer/systemInfo'
import { OpenCache, openRequest, requestAad, writeEvent, type OpenedRequest, type RequestPayload } from './requestState'

/** How long the page waits after the first claim for others made at the same moment, before it picks. */
export const PICK_SETTLE_MS = 400

/** Where the request page is. */
export type RequestPhase = 'loading' | 'form' | 'waiting' | 'full' | 'cancelled' | 'rejected' | 'joining' | 'failed'

/** What the request page renders and does. */
export interface PortalRequestModel {
  phase: Accessor<RequestPhase>
  error: Accessor<string | undefined>
  /** The portal's facts once their signature verified (undefined until then, or when it does not). */
  facts: Accessor<PortalFacts | undefined>
  /** 1-based place among the waiting requests, when counted. */
  place: Accessor<number | undefined>
  /** The details added while waiting. */
  details: Accessor<string[]>
  /** When the request went in (for "waiting since"). */
  submittedAt: Accessor<number | undefined>
  /** The system facts this browser would share, with consent. */
  systemInfo(): Record<string, string>
  submit(payload: RequestPayload): Promise<void>
  addDetail(text: string): Promise<void>
  cancel(): Promise<void>
  /** Starts a new request after a cancelled or rejected one. */
  again(): void
  dispose(): void
}

/** Options (the clock and navigation are for tests). */
export interface RequestModelOptions {
  now?: () => number
  navigate?: (hash: string) => void
}

/** Opens the request page of a portal in a root of its own. */
export function createPortalRequestModel(
  hub: Pick<NetworkHub, 'connect' | 'release'>,
  portalId: string,
  sealKey: string,
  signKey: string,
  options: RequestModelOptions = {},
): PortalRequestModel {
  return createRoot((dispose) => {
    const now = options.now ?? Date.now
    const navigate = options.navigate ?? ((hash: string) => location.replace(hash))
    const doc = new Y.Doc()
    const cache = new OpenCache()
    const [phase, setPhase] = createSignal<RequestPhase>('loading')
    const [error, setError] = createSignal<string>()
    const [facts, setFacts] = createSignal<PortalFacts>()
    const [place, setPlace] = createSignal<number>()
    const [details, setDetails] = createSignal<string[]>([])
    const [submitted, setSubmitted] = createSignal<number>()
    let connection: DocConnection | undefined
    let stored: StoredRequest | undefined
    let requestKey: CryptoKey | undefined
    let settleTimer: ReturnType<typeof setTimeout> | undefined
    let picking = false
    let disposed = false

    let checkedFacts = ''
    const verifyFacts = async (): Promise<void> => {
      const signed = readSignedFacts(doc)
      if (!signed || `${signed.facts}\u0000${signed.signature}` === checkedFacts) return
      checkedFacts = `${signed.facts}\u0000${signed.signature}`
      const verifying = await importVerifyingKey(signKey)
      if (!verifying) return
      let parsed: unknown
      try {
        parsed = JSON.parse(signed.facts)
      } catch {
        return
      }
      if (!Array.isArray(parsed)) return
      const [, , name, greeting, hours, lang, fields] = parsed as unknown[]
      const candidate = parsePortalFacts({ name, greeting, hours, lang, fields })
      if (!candidate || portalFactsText(portalId, candidate) !== signed.facts) return
      if (await verifyBytes(verifying, new TextEncoder().encode(signed.facts), signed.signature)) setFacts(candidate)
    }

    const moveIntoChat = async (claim: Claim): Promise<void> => {
      const request = stored
      if (!request) return
      setPhase('joining')
      await savePrefilledIntake(claim.link.sessionId, {
        name: request.payload.name,
        request: [request.payload.problem, ...Object.values(request.payload.fields)].filter((part) => part.trim() !== '').join('\n'),
        system: request.payload.system,
      })
      await forgetStoredRequest(portalId)
      navigate(joinHash(claim.link.sessionId, claim.link.key, 'link', claim.link.authority))
    }

    const decide = async (opened: OpenedRequest): Promise<void> => {
      const key = requestKey
      if (!key || picking) return
      // The pick is final: one already made (this tab before a reload) stands.
      const pinned = opened.pick && opened.claims.find((claim) => claim.repId === opened.pick?.repId && claim.link.sessionId === opened.pick.sessionId)
      if (pinned) {
        picking = true
        await moveIntoChat(pinned)
        return
      }
      const winner = ruleWinner(opened.claims, opened.raw.at)
      if (!winner || opened.pick) return
      picking = true
      await writeEvent(doc, opened.raw.requestId, key, { k: 'pick', repId: winner.repId, repName: winner.repName, sessionId: winner.link.sessionId, at: now() })
      closeRequest(doc, opened.raw.requestId, now())
      await moveIntoChat(winner)
    }

    const refresh = async (): Promise<void> => {
      void verifyFacts()
      const request = stored
      const key = requestKey
      if (!request || !key || disposed) return
      // A peer may delete entries of the public doc: the customer's own request is put back.
      if (!readRawRequest(doc, request.requestId) && phase() === 'waiting') {
        writeRawRequest(doc, { requestId: request.requestId, pub: request.keys.publicKey, at: request.submittedAt, sealed: await sealJson(key, request.payload, requestAad(request.requestId)) })
      }
      const opened = await openRequest(doc, request.requestId, key, cache)
      if (!opened) return
      setDetails(opened.details)
      if (opened.rejected && !opened.pick) {
        setPhase('rejected')
        await forgetStoredRequest(portalId)
        return
      }
      if (opened.cancelled) return
      // The `closed` mark is in clear: one no pick, cancel or reject of this request explains was put by a peer.
      if (opened.closed && !opened.pick && !opened.rejected && phase() === 'waiting') reopenRequest(doc, request.requestId)
      const admitted = admittedRequests(doc, now())
      const index = admitted.findIndex((candidate) => candidate.requestId === request.requestId)
      setPlace(index >= 0 ? index + 1 : undefined)
      if (opened.claims.length > 0 || opened.pick) {
        if (opened.pick) void decide(opened)
        else settleTimer ??= setTimeout(() => void openRequest(doc, request.requestId, key, cache).then((latest) => latest && decide(latest)), PICK_SETTLE_MS)
      }
    }
    let queued = false
    const scheduleRefresh = (): void => {
      if (queued) return
      queued = true
      queueMicrotask(() => {
        queued = false
        void refresh().catch((cause: unknown) => console.warn('portal request refresh failed', cause))
      })
    }

    const resume = async (request: StoredRequest): Promise<void> => {
      stored = request
      requestKey = await deriveRequestKey(request.keys.privateKey, sealKey, portalId, request.requestId)
      setSubmitted(request.submittedAt)
      setPhase('waiting')
      scheduleRefresh()
    }

    const load = async (): Promise<void> => {
      await persistDoc(doc, `asiste:queue:${portalId}`)
      connection = await hub.connect(doc, 'queue', portalId, sealKey)
      registerHostileTarget('queue', doc, connection)
      doc.on('update', scheduleRefresh)
      const known = await loadStoredRequest(portalId)
      if (known) await resume(known)
      else setPhase('form')
      scheduleRefresh()
    }
    load().catch((cause: unknown) => {
      setError(cause instanceof Error ? cause.message : String(cause))
      setPhase('failed')
    })
    // Client hints, or the user agent parser loaded lazily; the form is sent later.
    let named: OsAndBrowser | undefined
    void readOsAndBrowser().then((found) => (named = found))

    return {
      phase,
      error,
      facts,
      place,
      details,
      submittedAt: submitted,
      systemInfo: () => readSystemInfo(undefined, named),
      async submit(payload) {
        if (admittedRequests(doc, now()).length >= MAX_WAITING_REQUESTS) {
          setPhase('full')
          return
        }
        const keys = await createSealKeys()
        const requestId = randomId()
        const key = await deriveRequestKey(keys.privateKey, sealKey, portalId, requestId)
        if (!key) throw new Error('bad portal key')
        const at = now()
        const sealed = await sealJson(key, payload, requestAad(requestId))
        const request: StoredRequest = { requestId, keys, payload, submittedAt: at }
        await saveStoredRequest(portalId, request)
        writeRawRequest(doc, { requestId, pub: keys.publicKey, at, sealed })
        await resume(request)
      },
      async addDetail(text) {
        const key = requestKey
        const request = stored
        if (!key || !request || text.trim() === '' || details().length >= MAX_DETAILS) return
        await writeEvent(doc, request.requestId, key, { k: 'detail', text: text.trim(), at: now() })
      },
      async cancel() {
        const key = requestKey
        const request = stored
        if (!key || !request) return
        await writeEvent(doc, request.requestId, key, { k: 'cancel', at: now() })
        closeRequest(doc, request.requestId, now())
        await forgetStoredRequest(portalId)
        stored = undefined
        requestKey = undefined
        clearTimeout(settleTimer)
        setPhase('cancelled')
      },
      again() {
        stored = undefined
        requestKey = undefined
        settleTimer = undefined
        picking = false
        setDetails([])
        setPlace(undefined)
        setPhase('form')
      },
      dispose() {
        disposed = true
        clearTimeout(settleTimer)
        doc.off('update', scheduleRefresh)
        if (connection) {
          connection.destroy()
          hub.release(connection)
        }
        dispose()
      },
    }
  })
}
