/**
 * The bundle floor plus what the customer's chat cannot go without (bench/bundles.bench.ts): the floor's
 * Yjs + y-webrtc + Solid, and the app's own entry model (parse, write), signature verification of entries
 * (the customer trusts only what the link's session key signed), the intake, persistence in IndexedDB, the
 * English catalog, and the views of an entry and of the message box. No connection guards, presence, link
 * state, find, receipts or tools: the gap between this row and the customer page is what those cost; the
 * gap between this row and the floor is what a verified, persisted, rich chat costs at least.
 */
import * as Y from 'yjs'
import { WebrtcProvider } from 'y-webrtc'
import { For, createSignal } from 'solid-js'
import { render } from 'solid-js/web'
import { appendMessage, entriesMap, readTranscript } from '../../src/doc/transcript'
import { writeIntake } from '../../src/doc/intake'
import { readSignature, signaturesMap } from '../../src/doc/signatures'
import { customerWriter } from '../../src/app/session/writers'
import { importVerifyingKey, verifyEntry } from '../../src/net/sessionAuthority'
import { persistDoc } from '../../src/store/persistDoc'
import { EntryView } from '../../src/views/session/EntryView'
import { Composer } from '../../src/views/session/Composer'
import { t } from '../../src/i18n/i18n'
import type { Entry } from '../../src/doc/entry'

const doc = new Y.Doc()
void persistDoc(doc, 'essentials')
new WebrtcProvider(location.hash.slice(1) || 'essentials', doc, { signaling: [`ws://${location.host}/signal`] })
const me = { customerId: 'c', name: 'Customer' }
writeIntake(doc, { customerId: me.customerId, customerName: me.name, request: '', system: {} })
const key = importVerifyingKey(new URLSearchParams(location.search).get('key') ?? '')

function Essentials() {
  const [entries, setEntries] = createSignal<Entry[]>([])
  const [draft, setDraft] = createSignal('')
  const verify = async (): Promise<void> => {
    const verifying = await key
    const all = readTranscript(doc)
    const ok = await Promise.all(
      all.map((entry) => {
        const signature = readSignature(doc, entry.id)
        return verifying && signature ? verifyEntry(verifying, 'session', entry, signature) : false
      }),
    )
    setEntries(all.filter((_, index) => ok[index] || all[index]?.authorId === me.customerId))
  }
  entriesMap(doc).observe(() => void verify())
  signaturesMap(doc).observe(() => void verify())
  return (
    <main>
      <h1>{t('customer.title')}</h1>
      <For each={entries()}>{(entry) => <EntryView entry={entry} selfId={me.customerId} viewer="customer" />}</For>
      <Composer draft={draft()} onDraftChange={setDraft} onSend={(text) => appendMessage(doc, customerWriter(me), text)} lang="en" />
    </main>
  )
}

const root = document.getElementById('root')
if (root) render(() => <Essentials />, root)
