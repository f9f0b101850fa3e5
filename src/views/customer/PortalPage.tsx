/** The customer portal (`#/portal`): the customer types the session code the representative read out and presses Connect. */
import { Match, Show, Switch, createSignal, onCleanup } from 'solid-js'
import { useApp } from '../../app/shell/appContext'
import { LanguagePicker } from '../shell/LanguagePicker'
import { t, type MessageKey } from '../../i18n/i18n'
import { IntakeForm } from './IntakeForm'
import './portal.css'

type PortalState = 'idle' | 'looking' | 'found' | 'waiting' | 'accepted' | 'malformed' | 'notFound' | 'offline' | 'rejected' | 'closed' | 'expired'

const PROBLEMS: Partial<Record<PortalState, MessageKey>> = {
  malformed: 'portal.malformed',
  notFound: 'portal.notFound',
  offline: 'portal.offline',
  rejected: 'intake.rejected',
  closed: 'intake.closed',
  expired: 'intake.expired',
}
/** How often the progress bar moves while looking (smooth enough, cheap). */
const PROGRESS_TICK_MS = 200

/** The session-code form, then the intake that waits for the rep's answer; on accept it opens the session's customer page. */
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
    portal.leave()
  })
  const submit = async (values: Parameters<typeof portal.submit>[0]): Promise<void> => {
    controller = new AbortController()
    setState('waiting')
    const status = await portal.submit(values, controller.signal)
    if (status !== 'cancelled') setState(status)
  }

  const connect = async (): Promise<void> => {
    if (state() === 'looking') return
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
        <Show when={state() === 'found'}>
          <IntakeForm onStart={submit} systemInfo={() => Promise.resolve(portal.systemInfo())} focusFirst />
        </Show>
        <Show when={state() === 'waiting' || state() === 'accepted'}>
          <div class="card portal">
            <h1>{t('portal.title')}</h1>
            <p role="status" aria-busy={state() === 'waiting'}>
              {t(state() === 'waiting' ? 'intake.waiting' : 'intake.accepted')}
            </p>
          </div>
        </Show>
        <Show when={!['found', 'waiting', 'accepted'].includes(state())}>
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
            <Match when={problem()}>
              {(key) => (
                <p role="alert" class="error">
                  {t(key())}
                </p>
              )}
            </Match>
          </Switch>
          <button type="submit" class="button button--primary" disabled={state() === 'looking'}>
            {t('portal.connect')}
          </button>
        </form>
        </Show>
      </main>
    </div>
  )
}
