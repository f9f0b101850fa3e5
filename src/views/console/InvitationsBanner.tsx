/** Invitations addressed to this rep: one click joins the session. */
import { For, Show, createSignal } from 'solid-js'
import type { Invitation, RepWorkspace } from '../../app/console/repWorkspace'
import { t } from '../../i18n/i18n'

function headline(invitation: Invitation): string {
  const params = { from: invitation.fromName, customer: invitation.customerName || t('invite.someone') }
  if (invitation.kind === 'transfer') return t('invite.transferReceived', params)
  return invitation.hidden ? t('invite.receivedHidden', params) : t('invite.received', params)
}

/** The list of pending invitations. */
export function InvitationsBanner(props: { workspace: RepWorkspace }) {
  const [joining, setJoining] = createSignal<string>()
  const [error, setError] = createSignal<string>()
  const accept = (invitation: Invitation): void => {
    setJoining(invitation.id)
    setError(undefined)
    props.workspace
      .accept(invitation)
      .catch((cause: unknown) => setError(t('error.generic', { message: cause instanceof Error ? cause.message : String(cause) })))
      .finally(() => setJoining(undefined))
  }
  return (
    <Show when={props.workspace.invitations().length > 0 || error()}>
      <section class="invitations" role="region" aria-label={t('invite.title')}>
        <For each={props.workspace.invitations()}>
          {(invitation) => (
            <div class="invitation" role="alert">
              <p>{headline(invitation)}</p>
              <Show when={invitation.comment}>
                <p class="hint">
                  {t('invite.commentLabel')} {invitation.comment}
                </p>
              </Show>
              <div class="dialog__actions">
                <button type="button" class="button" disabled={joining() !== undefined} onClick={() => props.workspace.decline(invitation)}>
                  {t('invite.decline')}
                </button>
                <button type="button" class="button button--primary" disabled={joining() !== undefined} onClick={() => accept(invitation)}>
                  {t('invite.accept')}
                </button>
              </div>
              <Show when={joining() === invitation.id}>
                <p role="status" class="hint">{t('invite.joining')}</p>
              </Show>
            </div>
          )}
        </For>
        <Show when={error()}>
          <p role="alert" class="error">{error()}</p>
        </Show>
      </section>
    </Show>
  )
}
