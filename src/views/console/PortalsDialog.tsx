/** `Portals`: the current team's portals with their public links, and a form to create one. */
import { For, Show, createSignal } from 'solid-js'
import { CloseButton, ModalDialog } from '../shell/ModalDialog'
import { useConsole } from '../../app/shell/appContext'
import { MAX_GREETING_CHARS, MAX_HOURS_CHARS, PORTAL_FIELDS, type PortalField, type PortalLang } from '../../doc/teamPortals'
import { MAX_NAME_CHARS } from '../../doc/schema'
import { lang, t, type MessageKey } from '../../i18n/i18n'

const FIELD_LABELS: Record<PortalField, MessageKey> = { email: 'portals.field.email', phone: 'portals.field.phone', order: 'portals.field.order' }

/** The Portals dialog (RepConsole has its opening button). */
export function PortalsDialog(props: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { queue } = useConsole()
  const [name, setName] = createSignal('')
  const [greeting, setGreeting] = createSignal('')
  const [hours, setHours] = createSignal('')
  const [pageLang, setPageLang] = createSignal<PortalLang>(lang() === 'es' ? 'es' : 'en')
  const [fields, setFields] = createSignal<PortalField[]>([])
  const [message, setMessage] = createSignal<{ error: boolean; text: string }>()
  const create = async (): Promise<void> => {
    if (name().trim() === '') {
      setMessage({ error: true, text: t('portals.nameRequired') })
      return
    }
    try {
      await queue.createPortal({ name: name(), greeting: greeting(), hours: hours(), lang: pageLang(), fields: fields() })
      setName('')
      setMessage({ error: false, text: t('portals.created') })
    } catch (cause) {
      setMessage({ error: true, text: t('error.generic', { message: String(cause) }) })
    }
  }
  return (
    <ModalDialog open={props.open} onOpenChange={(open) => props.onOpenChange(open)} title={t('portals.title')} wide>
      <div class="dialog__body">
        <p class="hint">{t('portals.intro')}</p>
        <h3 id="portals-list">{t('portals.list')}</h3>
        <Show when={queue.portals().length > 0} fallback={<p class="hint">{t('portals.none')}</p>}>
          <ul class="portals" aria-labelledby="portals-list">
            <For each={queue.portals()}>
              {(portal) => (
                <li class="portals__item">
                  <label class="field">
                    <span>
                      {portal.name} — {t('portals.link')}
                    </span>
                    <input type="text" readOnly value={portal.link} aria-label={t('portals.link')} aria-describedby="portal-link-help" onFocus={(e) => e.currentTarget.select()} />
                  </label>
                </li>
              )}
            </For>
          </ul>
          <p id="portal-link-help" class="hint">{t('portals.linkHelp')}</p>
        </Show>
        <form
          class="portals__form"
          onSubmit={(e) => {
            e.preventDefault()
            void create()
          }}
        >
          <label class="field">
            <span>{t('portals.name')}</span>
            <input type="text" maxLength={MAX_NAME_CHARS} value={name()} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t('portals.greeting')}</span>
            <textarea rows={2} maxLength={MAX_GREETING_CHARS} value={greeting()} onInput={(e) => setGreeting(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t('portals.hours')}</span>
            <input type="text" maxLength={MAX_HOURS_CHARS} value={hours()} onInput={(e) => setHours(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t('portals.lang')}</span>
            <select value={pageLang()} onChange={(e) => setPageLang(e.currentTarget.value === 'es' ? 'es' : 'en')}>
              <option value="en" lang="en">English</option>
              <option value="es" lang="es">Español</option>
            </select>
          </label>
          <fieldset class="field">
            <legend>{t('portals.fields')}</legend>
            <For each={[...PORTAL_FIELDS]}>
              {(field) => (
                <label class="check">
                  <input
                    type="checkbox"
                    checked={fields().includes(field)}
                    onChange={(e) => {
                      const checked = e.currentTarget.checked
                      setFields((current) => (checked ? [...current, field] : current.filter((item) => item !== field)))
                    }}
                  />
                  <span>{t(FIELD_LABELS[field])}</span>
                </label>
              )}
            </For>
          </fieldset>
          <button type="submit" class="button button--primary">
            {t('portals.create')}
          </button>
        </form>
        <Show when={message()}>
          {(shown) => (
            <p role={shown().error ? 'alert' : 'status'} classList={{ error: shown().error, hint: !shown().error }}>
              {shown().text}
            </p>
          )}
        </Show>
        <div class="dialog__actions">
          <CloseButton label={t('tools.close')} primary />
        </div>
      </div>
    </ModalDialog>
  )
}
