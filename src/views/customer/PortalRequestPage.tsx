/**
 * A team portal's page (`#/p/…`): the portal's greeting and hours, the request form, then the waiting
 * state with the customer's place, details and `Cancel request`, until a representative takes it and
 * the page moves into the chat by itself.
 */
import { For, Match, Show, Switch, createEffect, createResource, createSignal } from 'solid-js'
import { useApp } from '../../app/shell/appContext'
import type { PortalRequestModel } from '../../app/queue/portalRequestModel'
import type { PortalField } from '../../doc/teamPortals'
import { MAX_NAME_CHARS, MAX_REQUEST_CHARS } from '../../doc/schema'
import { LanguagePicker } from '../shell/LanguagePicker'
import { formatTime, loadStrings, setLang, t, type MessageKey } from '../../i18n/i18n'
import './portal.css'

const FIELD_LABELS: Record<PortalField, MessageKey> = { email: 'portals.field.email', phone: 'portals.field.phone', order: 'portals.field.order' }
const FIELD_TYPES: Record<PortalField, string> = { email: 'email', phone: 'tel', order: 'text' }
const MAX_FIELD_CHARS = 120
const MAX_DETAIL_CHARS = 1_000

function RequestForm(props: { model: PortalRequestModel; systemInfo: () => Record<string, string> }) {
  const [name, setName] = createSignal('')
  const [problem, setProblem] = createSignal('')
  const [fields, setFields] = createSignal<Partial<Record<PortalField, string>>>({})
  const [share, setShare] = createSignal(false)
  const [error, setError] = createSignal<string>()
  const [busy, setBusy] = createSignal(false)
  return (
    <form
      class="card"
      onSubmit={(event) => {
        event.preventDefault()
        if (name().trim() === '') return setError(t('request.nameRequired'))
        if (problem().trim() === '') return setError(t('request.problemRequired'))
        setBusy(true)
        props.model
          .submit({ name: name().trim(), problem: problem().trim(), fields: fields(), system: share() ? props.systemInfo() : {} })
          .catch((cause: unknown) => setError(t('error.generic', { message: cause instanceof Error ? cause.message : String(cause) })))
          .finally(() => setBusy(false))
      }}
    >
      <label class="field">
        <span>{t('request.name')}</span>
        <input type="text" maxLength={MAX_NAME_CHARS} autocomplete="name" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>{t('request.problem')}</span>
        <textarea rows={4} maxLength={MAX_REQUEST_CHARS} value={problem()} onInput={(e) => setProblem(e.currentTarget.value)} />
      </label>
      <For each={props.model.facts()?.fields ?? []}>
        {(field) => (
          <label class="field">
            <span>{t(FIELD_LABELS[field])}</span>
            <input
              type={FIELD_TYPES[field]}
              maxLength={MAX_FIELD_CHARS}
              value={fields()[field] ?? ''}
              onInput={(e) => {
                const value = e.currentTarget.value
                setFields((current) => ({ ...current, [field]: value }))
              }}
            />
          </label>
        )}
      </For>
      <label class="check">
        <input type="checkbox" checked={share()} onChange={(e) => setShare(e.currentTarget.checked)} aria-describedby="request-share-help" />
        <span>{t('request.share')}</span>
      </label>
      <p id="request-share-help" class="hint">{t('request.shareHelp')}</p>
      <Show when={error()}>
        <p role="alert" class="error">{error()}</p>
      </Show>
      <button type="submit" class="button button--primary" disabled={busy()}>
        {t('request.submit')}
      </button>
    </form>
  )
}

function Waiting(props: { model: PortalRequestModel }) {
  const [detail, setDetail] = createSignal('')
  return (
    <section class="card" aria-labelledby="request-waiting">
      <p id="request-waiting" role="status" class="request__status">
        {t('request.waiting')}
        <Show when={props.model.place()}>{(place) => <> {t('request.place', { place: place() })}</>}</Show>
      </p>
      <Show when={props.model.submittedAt()}>{(at) => <p class="hint">{t('request.since', { time: formatTime(at()) })}</p>}</Show>
      <p class="hint">{t('request.keepOpen')}</p>
      <Show when={props.model.details().length > 0}>
        <h2>{t('request.detailsSent')}</h2>
        <ul aria-label={t('request.detailsSent')}>
          <For each={props.model.details()}>{(text) => <li>{text}</li>}</For>
        </ul>
      </Show>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault()
          const text = detail()
          setDetail('')
          void props.model.addDetail(text)
        }}
      >
        <label class="field field--inline">
          <span>{t('request.details')}</span>
          <textarea rows={2} maxLength={MAX_DETAIL_CHARS} value={detail()} onInput={(e) => setDetail(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button">{t('request.addDetail')}</button>
      </form>
      <div class="dialog__actions">
        <button type="button" class="button" onClick={() => void props.model.cancel()}>
          {t('request.cancel')}
        </button>
      </div>
    </section>
  )
}

/** The request page of one portal. */
export function PortalRequestPage(props: { portalId: string; sealKey: string; signKey: string }) {
  const app = useApp()
  const model = app.request(props.portalId, props.sealKey, props.signKey)
  // The queue's strings are a part of the catalog no other customer page loads: shown once here (or, if they cannot be fetched, as they are).
  const [strings] = createResource(() => loadStrings('queue').then(() => true, () => true))
  const explicitLang = new URLSearchParams(location.search).has('lang')
  createEffect(() => {
    const lang = model.facts()?.lang
    if (lang && !explicitLang) setLang(lang) // the portal's language, unless the page was opened in one
  })
  const ended = (key: MessageKey) => (
    <section class="card">
      <p role="status">{t(key)}</p>
      <button type="button" class="button" onClick={() => model.again()}>
        {t('request.again')}
      </button>
    </section>
  )
  return (
    <Show when={strings()}>
      <div class="customer">
        <header class="topbar">
          <span class="topbar__brand">{model.facts()?.name ?? t('request.title')}</span>
          <span class="topbar__spacer" />
          <LanguagePicker />
        </header>
        <main class="page page--narrow">
          <h1>{model.facts()?.name ?? t('request.title')}</h1>
          <Show when={model.facts()} fallback={<p class="hint">{t('request.unverified')}</p>}>
            {(facts) => (
              <>
                <Show when={facts().greeting.trim() !== ''}>
                  <p class="request__greeting">{facts().greeting}</p>
                </Show>
                <Show when={facts().hours.trim() !== ''}>
                  <p class="hint">{t('request.hours', { hours: facts().hours })}</p>
                </Show>
              </>
            )}
          </Show>
          <Switch>
            <Match when={model.phase() === 'loading'}>
              <p aria-busy="true">{t('request.loading')}</p>
            </Match>
            <Match when={model.phase() === 'failed'}>
              <p role="alert" class="error">{t('error.generic', { message: model.error() ?? '' })}</p>
            </Match>
            <Match when={model.phase() === 'form'}>
              <RequestForm model={model} systemInfo={() => model.systemInfo()} />
            </Match>
            <Match when={model.phase() === 'waiting'}>
              <Waiting model={model} />
            </Match>
            <Match when={model.phase() === 'joining'}>
              <p role="status">{t('request.joining')}</p>
            </Match>
            <Match when={model.phase() === 'full'}>{ended('request.full')}</Match>
            <Match when={model.phase() === 'cancelled'}>{ended('request.cancelled')}</Match>
            <Match when={model.phase() === 'rejected'}>{ended('request.rejected')}</Match>
          </Switch>
        </main>
      </div>
    </Show>
  )
}
