/**
 * `Chat preferences`: idle thresholds of the session tabs, default font size,
 * chat sound, language and system notifications. Valid changes apply and are
 * saved at once; an invalid one shows why and saves nothing.
 */
import { For, Match, Show, Switch, createEffect, createSignal, on } from 'solid-js'
import { Dialog } from '@kobalte/core/dialog'
import { useApp } from '../../app/shell/appContext'
import type { NotifyPermission } from '../../app/shell/notify'
import { lang, t } from '../../i18n/i18n'
import { makeReturnFocus } from './returnFocus'
import './dialogs.css'
import '../console/tabs.css'

/** Props: open state and the notification permission, asked for only from the button here. */
export interface PrefsDialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  notificationPermission: NotifyPermission
  onEnableNotifications: () => void
}

/** A spinbutton's text as a number; blank is not a number. */
const asNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text))

/** The allowed font size next to `current` in `direction`, for the spinbutton's arrow keys. */
function stepFontSize(sizes: readonly number[], current: number, direction: 1 | -1): number {
  const next = direction === 1 ? sizes.find((size) => size > current) : [...sizes].reverse().find((size) => size < current)
  return next ?? current
}

/** The preferences dialog. */
export function PrefsDialog(props: PrefsDialogProps) {
  const app = useApp()
  const prefs = app.prefs
  const [yellow, setYellow] = createSignal('')
  const [red, setRed] = createSignal('')
  const [font, setFont] = createSignal('')
  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return
        setYellow(String(prefs.prefs.yellowAfterS))
        setRed(String(prefs.prefs.redAfterS))
        setFont(String(prefs.prefs.fontSize))
      },
    ),
  )
  const returnFocus = makeReturnFocus(() => props.open)
  const idleProblem = () => app.prefs.checkIdle(asNumber(yellow()), asNumber(red()))
  const fontInvalid = () => !(app.prefs.limits.fontSizes as readonly number[]).includes(asNumber(font()))
  const sizes = app.prefs.limits.fontSizes.join(', ')

  const onIdleInput = (): void => {
    if (idleProblem() === undefined) prefs.update({ yellowAfterS: asNumber(yellow()), redAfterS: asNumber(red()) })
  }
  const onFontInput = (text: string): void => {
    setFont(text)
    if (!fontInvalid()) prefs.update({ fontSize: asNumber(text) })
  }
  const onFontKey = (event: KeyboardEvent & { currentTarget: HTMLInputElement }): void => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return
    event.preventDefault() // step through the allowed sizes, not by one
    const current = asNumber(font())
    onFontInput(String(stepFontSize(app.prefs.limits.fontSizes, Number.isNaN(current) ? prefs.prefs.fontSize : current, event.key === 'ArrowUp' ? 1 : -1)))
  }

  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog__overlay" />
        <div class="dialog__positioner">
          <Dialog.Content class="dialog" onCloseAutoFocus={returnFocus}>
            <Dialog.Title class="dialog__title">{t('prefs.title')}</Dialog.Title>
            <form class="dialog__body" onSubmit={(event) => event.preventDefault()}>
              <p class="hint" id="prefs-idle-help">{t('prefs.idleHelp')}</p>
              <label class="field">
                <span>{t('prefs.yellowAfter')}</span>
                <input
                  type="number" min="1" max={app.prefs.limits.maxIdleS} step="1" inputmode="numeric" value={yellow()}
                  aria-invalid={idleProblem() === 'yellowInvalid' || idleProblem() === 'redNotAboveYellow' ? 'true' : undefined}
                  aria-describedby={idleProblem() ? 'prefs-idle-error' : 'prefs-idle-help'}
                  onInput={(event) => { setYellow(event.currentTarget.value); onIdleInput() }}
                />
              </label>
              <label class="field">
                <span>{t('prefs.redAfter')}</span>
                <input
                  type="number" min="2" max={app.prefs.limits.maxIdleS} step="1" inputmode="numeric" value={red()}
                  aria-invalid={idleProblem() === 'redInvalid' || idleProblem() === 'redNotAboveYellow' ? 'true' : undefined}
                  aria-describedby={idleProblem() ? 'prefs-idle-error' : 'prefs-idle-help'}
                  onInput={(event) => { setRed(event.currentTarget.value); onIdleInput() }}
                />
              </label>
              <Show when={idleProblem()}>
                {(problem) => <p id="prefs-idle-error" role="alert" class="prefs__error">{t(`prefs.error.${problem()}`, { max: app.prefs.limits.maxIdleS })}</p>}
              </Show>
              <label class="field">
                <span>{t('prefs.fontSize')}</span>
                <input
                  type="number" min={app.prefs.limits.fontSizes[0]} max={app.prefs.limits.fontSizes[app.prefs.limits.fontSizes.length - 1]} inputmode="numeric" value={font()}
                  aria-invalid={fontInvalid() ? 'true' : undefined}
                  aria-describedby={fontInvalid() ? 'prefs-font-error' : 'prefs-font-help'}
                  onInput={(event) => onFontInput(event.currentTarget.value)}
                  onKeyDown={onFontKey}
                />
              </label>
              <Show when={fontInvalid()} fallback={<p class="hint" id="prefs-font-help">{t('prefs.fontSizeHelp', { sizes })}</p>}>
                <p id="prefs-font-error" role="alert" class="prefs__error">{t('prefs.error.fontSize', { sizes })}</p>
              </Show>
              <label class="check">
                <input type="checkbox" checked={prefs.prefs.chatSound} aria-describedby="prefs-sound-help" onChange={(event) => prefs.update({ chatSound: event.currentTarget.checked })} />
                <span>{t('prefs.chatSound')}</span>
              </label>
              <p class="hint" id="prefs-sound-help">{t('prefs.chatSoundHelp')}</p>
              <label class="field">
                <span>{t('prefs.language')}</span>
                <select value={lang()} onChange={(event) => app.chooseLang(event.currentTarget.value === 'es' ? 'es' : 'en')}>
                  <For each={[['en', 'English'], ['es', 'Español']] as const}>{([code, label]) => <option value={code} lang={code}>{label}</option>}</For>
                </select>
              </label>
              <fieldset class="dialog__group">
                <legend>{t('prefs.notifications')}</legend>
                <Switch>
                  <Match when={props.notificationPermission === 'granted'}><p class="hint" role="status">{t('prefs.notificationsOn')}</p></Match>
                  <Match when={props.notificationPermission === 'denied'}><p class="hint" role="status">{t('prefs.notificationsDenied')}</p></Match>
                  <Match when={props.notificationPermission === 'unsupported'}><p class="hint">{t('prefs.notificationsUnsupported')}</p></Match>
                  <Match when={props.notificationPermission === 'default'}>
                    <p class="hint">{t('prefs.notificationsDefault')}</p>
                    <button type="button" class="button" onClick={() => props.onEnableNotifications()}>{t('prefs.enableNotifications')}</button>
                  </Match>
                </Switch>
              </fieldset>
              <div class="dialog__actions">
                <Dialog.CloseButton class="button button--primary" aria-label={t('prefs.close')}>{t('prefs.close')}</Dialog.CloseButton>
              </div>
            </form>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  )
}
