/** The `End session` dialog: outcome (Resolved / Unresolved / Unknown) and a closing note. */
import { For, Show, createSignal } from 'solid-js'
import { CloseButton, ModalDialog } from '../shell/ModalDialog'
import type { Outcome } from '../../app/console/repWorkspace'
import { t, type MessageKey } from '../../i18n/i18n'

const OUTCOMES: { value: Outcome; label: MessageKey }[] = [
  { value: 'resolved', label: 'end.resolved' },
  { value: 'unresolved', label: 'end.unresolved' },
  { value: 'unknown', label: 'end.unknown' },
]

/** Props: open state and what to do on End. */
export function EndSessionDialog(props: { open: boolean; onOpenChange: (open: boolean) => void; onEnd: (outcome: Outcome, note: string) => void }) {
  const [outcome, setOutcome] = createSignal<Outcome>()
  const [note, setNote] = createSignal('')
  const [error, setError] = createSignal<string>()
  const submit = (event: SubmitEvent): void => {
    event.preventDefault()
    const chosen = outcome()
    if (!chosen) {
      setError(t('end.outcomeRequired'))
      return
    }
    props.onEnd(chosen, note())
    props.onOpenChange(false)
  }
  return (
    <ModalDialog open={props.open} onOpenChange={props.onOpenChange} title={t('end.title')}>
            <form class="dialog__body" onSubmit={submit}>
              <fieldset class="fieldset">
                <legend>{t('end.outcome')}</legend>
                <For each={OUTCOMES}>
                  {(option) => (
                    <label class="check">
                      <input type="radio" name="outcome" value={option.value} checked={outcome() === option.value} onChange={() => { setOutcome(option.value); setError(undefined) }} />
                      <span>{t(option.label)}</span>
                    </label>
                  )}
                </For>
              </fieldset>
              <label class="field">
                <span>{t('end.note')}</span>
                <textarea rows={3} maxLength={2000} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
              </label>
              <Show when={error()}>
                <p role="alert" class="error">{error()}</p>
              </Show>
              <div class="dialog__actions">
                <CloseButton label={t('end.cancel')} />
                <button type="submit" class="button button--primary">{t('end.end')}</button>
              </div>
            </form>
    </ModalDialog>
  )
}
