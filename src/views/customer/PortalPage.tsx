/** The customer portal (`#/portal`): the customer types the session code the representative read out and presses Connect. */
import { Match, Switch, createSignal, onCleanup } from 'solid-js'
import { useApp } from '../../app/shell/appContext'
import { LanguagePicker } from '../shell/LanguagePicker'
import { t, type MessageKey } from '../../i18n/i18n'
import './portal.css'

type PortalState = 'idle' | 'looking' | 'found' | 'malformed' | 'notFound' | 'offline'

const PROBLEMS: Partial<Record<PortalState, MessageKey>> = { malformed: 'portal.malformed', notFound: 'portal.notFound', offline: 'portal.offline' }
/** How often the progress bar moves while looking (smooth enough, cheap). */
const PROGRESS_TICK_MS = 200

/** The session-code form; on success it opens the session's customer page. */
export function PortalPage() {
  const portal = useApp().portal()
  const [code, setCode] = createSignal('')
  const [state, setState] = createSignal<PortalState>('idle')
  const [elapsed, setElapsed] = createSignal(0)
  let controller: AbortController | undefined
  let ticker: ReturnType<typeof setInterval> | undefined
  const stopTicker = (): void => {
    clearInterval(ticker)
    ticker = undefined
  }
  onCleanup(() => {
    controller?.abort()
    stopTicker()
  })

  const connect = async (): Promise<void> => {
    if (state() === 'looking' || state() === 'found') return
    controller = new AbortController()
    const started = Date.now()
    setElapsed(0)
    setState('looking')
    ticker = setInterval(() => setElapsed(Math.min(Date.now() - started, portal.timeoutMs)), PROGRESS_TICK_MS)
    const status = await portal.connect(code(), controller.signal)
    stopTicker()
    if (status !== 'cancelled') setState(status)
  }
  const problem = () => PROBLEMS[state()]

  return (
    <div class="customer">
      <header class="topbar">
        <span class="topbar__brand">{t('customer.title')}</span>
        <span class="topbar__spacer" />
        <LanguagePicker />
      </header>
      <main class="page page--narrow">
        <form
          class="card portal"
          onSubmit={(event) => {
            event.preventDefault()
            void connect()
          }}
        >
          <h1>{t('portal.title')}</h1>
          <p>{t('portal.intro')}</p>
          <label class="field">
            <span>{t('portal.code')}</span>
            <input
              type="text"
              class="portal__code"
              autocomplete="off"
              autocapitalize="characters"
              spellcheck={false}
              maxLength={24}
              value={code()}
              aria-describedby="portal-code-hint"
              aria-invalid={problem() !== undefined}
              onInput={(event) => {
                setCode(event.currentTarget.value)
                if (problem()) setState('idle')
              }}
            />
          </label>
          <p id="portal-code-hint" class="hint">{t('portal.codeHint')}</p>
          <Switch>
            <Match when={state() === 'looking'}>
              <div role="status" class="portal__looking">
                <span>{t('portal.looking')}</span>
                <progress max={portal.timeoutMs} value={elapsed()} aria-label={t('portal.looking')} />
              </div>
            </Match>
            <Match when={state() === 'found'}>
              <p role="status">{t('portal.found')}</p>
            </Match>
            <Match when={problem()}>
              {(key) => (
                <p role="alert" class="error">
                  {t(key())}
                </p>
              )}
            </Match>
          </Switch>
          <button type="submit" class="button button--primary" disabled={state() === 'looking' || state() === 'found'}>
            {t('portal.connect')}
          </button>
        </form>
      </main>
    </div>
  )
}
