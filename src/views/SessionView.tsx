/** One session in the rep console: the join link, then the chat box over the rep doc's transcript. */
import { Show } from 'solid-js'
import type { RepSession } from '../app/repSession'
import type { RepProfile } from '../app/repWorkspace'
import { createTranscript } from '../app/createTranscript'
import { createSnapshot } from '../app/networkHub'
import { customerLink } from '../app/routes'
import { useApp } from '../app/appContext'
import { Transcript } from './Transcript'
import { Composer } from './Composer'
import { lang, t } from '../i18n/i18n'

/** The chat box of one session. */
export function SessionView(props: { session: RepSession; profile: RepProfile | undefined; onSend: (text: string) => void }) {
  const app = useApp()
  const entries = createTranscript(props.session.repDoc)
  const customerLinkState = createSnapshot(props.session.customerConnection)
  const link = () => customerLink(app.origin, props.session.sessionId, props.session.customerKey)
  return (
    <section class="session">
      <div class="joininfo">
        <label class="field field--inline">
          <span>{t('console.customerLink')}</span>
          <input type="text" readOnly value={link()} onFocus={(e) => e.currentTarget.select()} />
        </label>
      </div>
      <Show when={customerLinkState().peers === 0}>
        <p class="hint">{t('console.linkHelp')}</p>
      </Show>
      <Transcript entries={entries()} selfId={props.profile?.repId} />
      <Composer onSend={props.onSend} lang={lang()} />
    </section>
  )
}
