/** The `Language` picker: switches the UI language at once, no reload. */
import { useApp } from '../../app/shell/appContext'
import { lang, t } from '../../i18n/i18n'

/** A select with the UI languages, each named in its own language. */
export function LanguagePicker() {
  const app = useApp()
  return (
    <label class="field field--inline field--compact">
      <span class="visually-hidden">{t('lang.label')}</span>
      <select value={lang()} onChange={(event) => app.chooseLang(event.currentTarget.value === 'es' ? 'es' : 'en')}>
        <option value="en" lang="en">English</option>
        <option value="es" lang="es">Español</option>
      </select>
    </label>
  )
}
