/** `Team`: choose the team for new sessions, see its members and who is online, share its link, create or join a team. */
import { For, Show, createSignal } from 'solid-js'
import { CloseButton, ModalDialog } from '../shell/ModalDialog'
import { useConsole } from '../../app/shell/appContext'
import { t } from '../../i18n/i18n'

/** The team dialog (RepConsole has its opening button). */
export function TeamDialog(props: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { workspace, team } = useConsole()
  const [newName, setNewName] = createSignal('')
  const [link, setLink] = createSignal('')
  const [message, setMessage] = createSignal<{ error: boolean; text: string }>()
  const members = team.members
  const online = team.online
  const run = async (action: () => Promise<void>, done: string): Promise<void> => {
    try {
      await action()
      setMessage({ error: false, text: done })
    } catch (cause) {
      setMessage({ error: true, text: cause instanceof TypeError ? t('team.badLink') : t('error.generic', { message: String(cause) }) })
    }
  }
  return (
    <ModalDialog open={props.open} onOpenChange={(open) => props.onOpenChange(open)} title={t('team.title')} wide>
    <div class="dialog__body">
      <label class="field">
        <span>{t('team.current')}</span>
        <select value={workspace.currentTeamId() ?? ''} onChange={(e) => workspace.setCurrentTeam(e.currentTarget.value)}>
          <For each={team.choices()}>{(choice) => <option value={choice.teamId}>{choice.name || t('team.unnamed')}</option>}</For>
        </select>
      </label>
      <h3>{t('team.members')}</h3>
      <ul class="attendees" aria-label={t('team.members')}>
        <For each={members()}>
          {(rep) => (
            <li class="attendees__item" data-online={online().includes(rep.repId)}>
              <span>
                {rep.name} {rep.repId === workspace.profile()?.repId ? t('team.you') : ''}
              </span>
              <span class="attendees__state">{online().includes(rep.repId) ? t('team.online') : t('team.offline')}</span>
            </li>
          )}
        </For>
      </ul>
      <Show when={team.link()}>
        {(link) => (
          <label class="field">
            <span>{t('team.link')}</span>
            <input type="text" readOnly value={link()} onFocus={(e) => e.currentTarget.select()} aria-describedby="team-link-help" />
          </label>
        )}
      </Show>
      <p id="team-link-help" class="hint">{t('team.linkHelp')}</p>
      <form class="inline-form" onSubmit={(e) => { e.preventDefault(); if (newName().trim() === '') { setMessage({ error: true, text: t('team.nameRequired') }); return } void run(() => workspace.createTeam(newName()), t('team.create')) }}>
        <label class="field field--inline">
          <span>{t('team.newName')}</span>
          <input type="text" maxLength={80} value={newName()} onInput={(e) => setNewName(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button">{t('team.create')}</button>
      </form>
      <form class="inline-form" onSubmit={(e) => { e.preventDefault(); void run(() => workspace.joinTeam(link()), t('team.joined')) }}>
        <label class="field field--inline">
          <span>{t('team.inviteLink')}</span>
          <input type="text" value={link()} onInput={(e) => setLink(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button">{t('team.join')}</button>
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
