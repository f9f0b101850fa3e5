/** The session-code portal's actions, as the portal page uses them. */
import type { NetworkHub } from '../shell/networkHub'
import { saveCustomerIdentity } from '../../store/profile'
import { PORTAL_LOOKUP_TIMEOUT_MS, lookupPortalCode, openPortalSession, type PortalLookupResult, type PortalOutcome, type PortalVisit } from './portalLookup'
import { handOverIntake } from './portalHandoff'
import type { IntakeForm } from './customerSession'
import { readOsAndBrowser, readSystemInfo, type OsAndBrowser } from './systemInfo'

/** Looks a code up, sends the intake, and opens the session once a rep accepts it. */
export interface PortalModel {
  /** Longest a lookup takes before it answers (the progress bar's full width). */
  readonly timeoutMs: number
  /** Looks `code` up; `found` means the intake can be sent. */
  connect(code: string, signal: AbortSignal): Promise<PortalLookupResult['status']>
  /** Sends the intake to the rep and waits for the answer; on accept the page moves to the session by itself. */
  submit(form: IntakeForm, signal: AbortSignal): Promise<PortalOutcome['status']>
  /** Leaves the portal room (the page closes or starts over). */
  leave(): void
  /** The system facts this browser would share at intake, with consent. */
  systemInfo(): Record<string, string>
}

/** Creates the portal model over the page's network hub. */
export function createPortalModel(hub: Pick<NetworkHub, 'connect' | 'release'>): PortalModel {
  let visit: PortalVisit | undefined
  // Read once, asynchronously (client hints, or the user agent parser loaded lazily); the form is sent later.
  let named: OsAndBrowser | undefined
  void readOsAndBrowser().then((found) => (named = found))
  return {
    timeoutMs: PORTAL_LOOKUP_TIMEOUT_MS,
    async connect(code, signal) {
      visit?.leave()
      visit = undefined
      const result = await lookupPortalCode(hub, code, { signal }).catch(() => ({ status: 'offline' }) as const)
      if (result.status === 'found') visit = result.visit
      return result.status
    },
    async submit(form, signal) {
      if (!visit) return 'expired'
      const outcome = await visit.submit(form, signal)
      visit = undefined
      if (outcome.status === 'accepted') {
        const { link, identity } = outcome
        await saveCustomerIdentity(link.sessionId, identity)
        handOverIntake(link.sessionId, form)
        openPortalSession(link)
      }
      return outcome.status
    },
    leave() {
      visit?.leave()
      visit = undefined
    },
    systemInfo: () => readSystemInfo(undefined, named),
  }
}
