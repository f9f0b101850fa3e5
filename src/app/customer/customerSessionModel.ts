/**
 * The customer page's model: the session (intake, chat), one transcript
 * projection, the link state, screen sharing, files and credentials, and
 * the draft. Created by the app in a root of its own, so the page's views
 * only render it.
 */
import { createRoot, createSignal, type Accessor, type Setter } from 'solid-js'
import type { Entry } from '../../doc/entry'
import type { DeliveryState } from '../../doc/receipts'
import { customerDeliveryState } from './customerDelivery'
import { createVerifiedRepReceipts } from './verifiedRepReceipts'
import { createVerifiedMeta } from './verifiedMeta'
import { createFindState, type FindState } from '../session/findState'
import type { EntryWay } from '../../doc/intake'
import type { NetworkHub } from '../shell/networkHub'
import { createVisibleTranscript, endedByRep } from './visibleTranscript'
import { createCustomerSession, type CustomerSession } from './customerSession'
import type { CustomerScreen } from '../tools/screenShare'
import type { FileTransfers } from '../tools/fileTransfer'
import type { CustomerCredentials } from '../tools/credentials'
import { createCustomerTools } from './customerTools'
import { loadStrings } from '../../i18n/i18n'
import { createCustomerLinkState, type CustomerLinkState } from './customerLinkState'
import { openInNewTab } from './pushedUrls'
import { createSystemFacts } from './lazySystemInfo'

/** The customer page, for its views. */
export interface CustomerSessionModel extends Omit<CustomerSession, 'doc' | 'connection' | 'close'> {
  /** What verified: reps' entries against the link's session key, the customer's own against its device key. */
  entries: Accessor<Entry[]>
  /** Whether the link carries the session key (links made before signatures do not: nothing from reps is trusted). */
  verifiable: boolean
  /** How many entries claiming to be from the reps did not verify (hidden, counted). */
  hiddenUnverified: Accessor<number>
  /** Whether the rep ended the session (a verified end note; the message box closes). */
  ended: Accessor<boolean>
  /** Find in session on the customer's page. */
  find: FindState
  /** Delivery mark of the customer's own messages (undefined for everything else). */
  deliveryOf(entry: Entry): DeliveryState | undefined
  /** The rating this customer gave (their `rated` note), once given. */
  rating: Accessor<number | undefined>
  /** The name of the representative who last wrote (a message or a note) among the verified entries (what the header shows). */
  repName: Accessor<string | undefined>
  linkState: Accessor<CustomerLinkState>
  screen: CustomerScreen
  files: FileTransfers
  credentials: CustomerCredentials
  draft: Accessor<string>
  setDraft: Setter<string>
  /** The system facts this browser would share at intake, with consent (their reader is fetched on the first call). */
  systemInfo(): Promise<Record<string, string>>
  /** Downloads the customer's own chat log. */
  saveChatLog(): void
  /** Opens a pushed URL the browser blocked, from the customer's click. */
  openLink(url: string): void
  /** Ends the model and closes its session (leaves the room, stops persisting); resolves once closed. */
  dispose(): Promise<void>
}

/** Opens the customer's session of a join link in a root of its own. */
export function createCustomerSessionModel(hub: NetworkHub, sessionId: string, key: string, via: EntryWay, authority?: string): CustomerSessionModel {
  return createRoot((dispose) => {
    const session = createCustomerSession(hub, sessionId, key, via, authority)
    const visible = createVisibleTranscript(session.doc, session.trust)
    const entries = visible.entries
    const [draft, setDraft] = createSignal('')
    // Made on first use, their code fetched then (customerTools.ts); screen and files only over links that prove the session key.
    const tools = createCustomerTools({ doc: session.doc, connection: () => session.connection(), identity: session.identity, sessionId, authority })
    // Delivered / Seen on the customer's own messages only from reps' receipts that verify against the link's session key.
    const repReceipts = createVerifiedRepReceipts(session.doc, sessionId, authority)
    const receipts = repReceipts.receipts
    // The chat log's session id, portal and start only from meta the session authority signed.
    const verifiedMeta = createVerifiedMeta(session.doc, sessionId, authority)
    // Read only with the customer's consent, their code fetched then (lazySystemInfo.ts).
    const systemFacts = createSystemFacts()
    return {
      ...session,
      entries,
      verifiable: session.trust.verifiable,
      hiddenUnverified: () => (session.trust.verifiable ? visible.hidden() : 0),
      ended: () => endedByRep(entries(), session.trust),
      find: createFindState(),
      deliveryOf: (entry) => (entry.kind === 'chat' && entry.authorId === session.identity()?.customerId ? customerDeliveryState(entry.id, receipts()) : undefined),
      rating: () => {
        const mine = session.identity()?.customerId
        const note = entries().findLast((entry) => entry.event === 'rated' && entry.authorId === mine)
        return note ? Number(note.text) : undefined
      },
      // Reps' notes count too (the opening note names the rep who started the session); only what verified is here.
      repName: () => entries().findLast((entry) => entry.authorRole !== 'customer' && entry.authorName !== '')?.authorName,
      linkState: createCustomerLinkState(hub),
      screen: tools.screen,
      files: tools.files,
      credentials: tools.credentials,
      draft,
      setDraft,
      systemInfo: () => systemFacts.read(),
      saveChatLog: () => {
        // The text formatter is fetched on the first save, not with the page (issue 20, bundles); what is saved is what the page showed at the click.
        const [shown, meta] = [entries(), verifiedMeta.meta()]
        void Promise.all([import('./customerChatLog'), loadStrings('export')]).then(([chatLog]) => chatLog.saveCustomerChatLog(session.doc, shown, meta))
      },
      openLink: (url) => openInNewTab(url),
      dispose: () => {
        repReceipts.stop()
        verifiedMeta.stop()
        dispose()
        return session.close()
      },
    }
  })
}
