/** `Invite representative` / `Transfer session`: pick a team mate, visible or hidden, and a comment the customer never sees. */
import { For, Show, createSignal } from 'solid-js'
import { CloseButton, ModalDialog } from '../shell/ModalDialog'
import type { TeamRep } from '../../doc/team'
import { MAX_COMMENT_CHARS } from '../../doc/invitations'
import { HANDBACK_TARGET } from '../../doc/handbacks'
import { t } from '../../i18n/i18n'

/** Props: who can be invited and what to do. */
export function InviteDialog(props: {
  kind: 'invite' | 'transfer'
  open: boolean
  onOpenChange: (open: boolean) => void
  candidates: TeamRep[]
  onInvite: (toRepId: string, hidden: boolean, comment: string) => void
}) {
  const [who, setWho] = createSignal('')
  const [hidden, setHidden] = createSignal(false)
  const [comment, setComment] = createSignal('')
  const [error, setError] = createSignal<string>()
  const title = () => (props.kind === 'transfer' ? t('transfer.title') : t('invite.title'))
  const submit = (event: SubmitEvent): void => {
    event.preventDefault()
    if (!who()) {
      setError(t('invite.pick'))
      return
    }
    try {
      props.onInvite(who(), hidden(), comment())
      setWho('')
      setComment('')
      props.onOpenChange(false)
    } catch (cause) {
      setError(cause instanceof Error && cause.name === 'SessionFull' ? t('invite.full') : t('error.generic', { message: String(cause) }))
    }
  }
  return (
    <ModalDialog open={props.open} onOpenChange={props.onOpenChange} title={title()}>
            <form class="dialog__body" onSubmit={submit}>
              <Show when={props.candidates.length > 0} fallback={<p class="hint">{t('invite.nobody')}</p>}>
                <label class="field">
                  <span>{t('invite.who')}</span>
                  <select value={who()} onChange={(e) => { setWho(e.currentTarget.value); setError(undefined) }}>
                    <option value="">{t('invite.pick')}</option>
                    <Show when={props.kind === 'transfer'}>
                      <option value={HANDBACK_TARGET}>{t('transfer.queue')}</option>
                    </Show>
                    <For each={props.candidates}>{(rep) => <option value={rep.repId}>{rep.name}</option>}</For>
                  </select>
                </label>
                <Show when={props.kind === 'invite'}>
                  <fieldset class="fieldset">
                    <legend>{t('invite.visibility')}</legend>
                    <label class="check">
                      <input type="radio" name="visibility" checked={!hidden()} onChange={() => setHidden(false)} />
                      <span>{t('invite.visible')}</span>
                    </label>
                    <label class="check">
                      <input type="radio" name="visibility" checked={hidden()} onChange={() => setHidden(true)} />
                      <span>{t('invite.hidden')}</span>
                    </label>
                  </fieldset>
                </Show>
                <label class="field">
                  <span>{t('invite.comment')}</span>
                  <textarea rows={2} maxLength={MAX_COMMENT_CHARS} value={comment()} onInput={(e) => setComment(e.currentTarget.value)} />
                </label>
              </Show>
              <Show when={error()}>
                <p role="alert" class="error">{error()}</p>
              </Show>
              <div class="dialog__actions">
                <CloseButton label={t('invite.cancel')} />
                <Show when={props.candidates.length > 0}>
                  <button type="submit" class="button button--primary">{props.kind === 'transfer' ? t('transfer.send') : t('invite.send')}</button>
                </Show>
              </div>
            </form>
    </ModalDialog>
  )
}
