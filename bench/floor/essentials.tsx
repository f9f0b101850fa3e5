/**
 * The bundle floor plus what a secure customer chat cannot go without (bench/bundles.bench.ts): the floor's
 * Yjs + y-webrtc + Solid, and, from the app itself, as the customer page runs them:
 * - the connection with every guard a customer page must run (src/net/connectDoc.ts): hashed room names,
 *   chunked data channels (SCTP's 256 KiB message cap), per-peer rate limits and held-update caps, the
 *   signaling guard, the awareness filter, echo skipping and presence;
 * - IndexedDB persistence;
 * - signed entries: the reps' checked against the link's session key (in a worker, as the page does), the
 *   customer's own signed with a device key, unverified ones hidden (src/app/customer/entryTrust.ts);
 * - the intake written into the doc and the customer as attendee;
 * - delivery receipts (issue 21): this customer's own, signed, and Delivered / Seen on its messages only from
 *   reps' receipts that verify against the session key;
 * - the English catalog, the view of an entry (rich text) and the message box.
 * Not here: the intake form, the link state, find, the header, files, screen sharing, credentials, pushed
 * links, rating, chat log, storage bounds, migrations. The gap between this row and the customer page is what
 * those cost; the gap between this row and the floor is what a secure, persisted, rich chat costs at least.
 */
import * as Y from 'yjs'
import { For, createRoot, createSignal } from 'solid-js'
import { render } from 'solid-js/web'
import { appendMessage, appendStatusNote } from '../../src/doc/transcript'
import { writeIntake } from '../../src/doc/intake'
import { putAttendee } from '../../src/doc/attendeeWrites'
import { customerWriter } from '../../src/app/session/writers'
import { createDeviceSigningKeys } from '../../src/net/sessionAuthority'
import { connectDoc } from '../../src/net/connectDoc'
import { persistDoc } from '../../src/store/persistDoc'
import { createEntryTrust } from '../../src/app/customer/entryTrust'
import { createVisibleTranscript } from '../../src/app/customer/visibleTranscript'
import { trackSignedReceipt } from '../../src/app/customer/signedReceipts'
import { createVerifiedRepReceipts } from '../../src/app/customer/verifiedRepReceipts'
import { customerDeliveryState } from '../../src/app/customer/customerDelivery'
import { EntryView } from '../../src/views/session/EntryView'
import { Composer } from '../../src/views/session/Composer'
import { t } from '../../src/i18n/i18n'

const [sessionId = 'essentials', key = 'essentials-key-0123456789', authority] = location.hash.slice(1).split('.')
const doc = new Y.Doc()

async function start(): Promise<void> {
  await persistDoc(doc, `essentials-${sessionId}`)
  const connection = await connectDoc(doc, 'customer', sessionId, key, { signaling: [`ws://${location.host}/signal`], iceServers: [] })
  const keys = await createDeviceSigningKeys()
  const me = { customerId: 'c', name: 'Customer', signingKey: keys.privateKey, publicKey: keys.publicKey }
  createRoot(() => {
    const trust = createEntryTrust(doc, sessionId, authority)
    trust.signAs({ customerId: me.customerId, privateKey: keys.privateKey, publicKey: keys.publicKey })
    writeIntake(doc, { customerId: me.customerId, customerName: me.name, request: 'My printer does not print', system: {}, publicKey: keys.publicKey })
    putAttendee(doc, { id: me.customerId, name: me.name, role: 'customer', hidden: false })
    appendStatusNote(doc, customerWriter(me), 'joined')
    connection.setUser({ id: me.customerId, name: me.name, role: 'customer' })
    const isSeeing = (): boolean => document.visibilityState === 'visible' && document.hasFocus()
    trackSignedReceipt(doc, sessionId, trust, { customerId: me.customerId, privateKey: keys.privateKey }, isSeeing)
    const receipts = createVerifiedRepReceipts(doc, sessionId, authority).receipts
    const entries = createVisibleTranscript(doc, trust).entries
    const [draft, setDraft] = createSignal('')
    const root = document.getElementById('root')
    if (!root) return
    render(
      () => (
        <main>
          <h1>{t('customer.title')}</h1>
          <For each={entries()}>
            {(entry) => (
              <EntryView entry={entry} selfId={me.customerId} viewer="customer" delivery={entry.authorId === me.customerId ? customerDeliveryState(entry.id, receipts()) : undefined} />
            )}
          </For>
          <Composer draft={draft()} onDraftChange={setDraft} onSend={(text) => appendMessage(doc, customerWriter(me), text)} onTyping={(on) => connection.setTyping(on)} lang="en" />
        </main>
      ),
      root,
    )
  })
}

void start()
