/** History (`#/history`): search every transcript, list past sessions, read one, export or import all. */
import { Show, createSignal, onMount } from 'solid-js'
import type { History } from '../../app/history/history'
import { t, tn } from '../../i18n/i18n'
import { formatBytes } from '../../i18n/format'
import { HistorySearch } from './HistorySearch'
import { PastSessions } from './PastSessions'
import { HistoryTranscript } from './HistoryTranscript'
import { TeamSessions } from './TeamSessions'
import './history.css'

/** The History page inside the console. */
export function HistoryView(props: { history: History; selfId: string | undefined }) {
  const [openId, setOpenId] = createSignal<string>()
  const [message, setMessage] = createSignal('')
  const [passphrase, setPassphrase] = createSignal('')
  let fileInput: HTMLInputElement | undefined
  onMount(() => void props.history.load())
  const importFile = async (file: File | undefined) => {
    if (!file) return
    try {
      const count = await props.history.importArchive(await file.text(), passphrase())
      setMessage(tn('history.imported', count))
    } catch (cause) {
      const problem = props.history.archiveProblem(cause)
      setMessage(t(problem === 'passphraseNeeded' ? 'history.passphraseNeeded' : problem === 'passphraseWrong' ? 'history.passphraseWrong' : problem === 'diskFull' ? 'history.diskFull' : 'history.importFailed'))
    }
    if (fileInput) fileInput.value = ''
  }
  const deleteAll = async () => {
    if (!window.confirm(t('history.deleteAllConfirm'))) return
    setMessage(tn('history.deletedAll', await props.history.removeAll()))
  }
  return (
    <main class="page history">
      <div class="toolbar-row">
        <h1 class="history__title">{t('history.title')}</h1>
        <a class="button" href="#/">
          {t('history.back')}
        </a>
        <button type="button" class="button" onClick={() => void props.history.exportAll(passphrase())}>
          {t('history.exportAll')}
        </button>
        <button type="button" class="button" onClick={() => fileInput?.click()}>
          {t('history.import')}
        </button>
        <button type="button" class="button" onClick={() => void deleteAll()}>
          {t('history.deleteAll')}
        </button>
        <input ref={fileInput} type="file" accept="application/json,.json" hidden onChange={(event) => void importFile(event.currentTarget.files?.[0])} />
      </div>
      <label class="history__passphrase">
        {t('history.passphrase')}{' '}
        <input type="password" autocomplete="new-password" value={passphrase()} onInput={(event) => setPassphrase(event.currentTarget.value)} />
      </label>
      <p class="hint">{t('history.exportWarning')}</p>
      <p class="hint" aria-live="polite">{message()}</p>
      <Show when={props.history.storage()}>
        {(info) => (
          <p class="hint">
            {t('history.storage', { used: formatBytes(info().usage), quota: formatBytes(info().quota) })}{' '}
            {t(info().persisted ? 'history.persisted' : 'history.notPersisted')}
          </p>
        )}
      </Show>
      <HistorySearch history={props.history} onOpen={setOpenId} />
      <Show when={openId()} keyed>
        {(sessionId) => <HistoryTranscript history={props.history} sessionId={sessionId} selfId={props.selfId} onClose={() => setOpenId(undefined)} />}
      </Show>
      <PastSessions history={props.history} onOpen={setOpenId} />
      <TeamSessions />
    </main>
  )
}
