/**
 * The `Manage scripts` dialog: the team's library (both kinds) by category,
 * with add, edit, delete and move up / down. Writes go straight to the team
 * doc through src/doc/scripts.ts, so they sync to the rep's devices and team
 * mates, and work offline.
 */
import { For, Show, createMemo, createSignal, createUniqueId } from 'solid-js'
import type * as Y from 'yjs'
import * as Dialog from '@kobalte/core/dialog'
import { addScript, deleteScript, moveScript, updateScript, type Script } from '../../doc/scripts'
import { groupByCategory } from './filterScripts'
import { ScriptForm } from './ScriptForm'
import { t } from '../../i18n/i18n'
import { ScriptsLoading } from './ScriptsLoading'
import './scripts.css'

/** Props of the library dialog. */
export interface ScriptLibraryProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  teamDoc: Y.Doc
  /** The team's library, kept current by the session model; undefined while it loads (its code is fetched on first use). */
  scripts: () => Script[] | undefined
  /** Whether the library's code failed to load (then reading `scripts` again retries). */
  scriptsFailed?: () => boolean
}

type Editing = { mode: 'add' } | { mode: 'edit'; script: Script }

/** The script library manager. */
export function ScriptLibrary(props: ScriptLibraryProps) {
  const base = createUniqueId()
  const scripts = () => props.scripts() ?? []
  const groups = createMemo(() => groupByCategory(scripts()))
  const categories = createMemo(() => groups().map((group) => group.category).filter((name) => name !== ''))
  const [editing, setEditing] = createSignal<Editing>()
  const buttonId = (action: string, id: string) => `${base}-${action}-${id}`
  // Rows are re-rendered from a fresh snapshot after each write; put focus back on the control the rep used.
  const refocus = (...ids: string[]) =>
    queueMicrotask(() => {
      const target = ids.map((id) => document.getElementById(id)).find((el) => el instanceof HTMLButtonElement && !el.disabled)
      target?.focus()
    })

  const save = (fields: Parameters<typeof addScript>[1]): void => {
    const current = editing()
    const id = current?.mode === 'edit' ? current.script.id : addScript(props.teamDoc, fields)
    if (current?.mode === 'edit') updateScript(props.teamDoc, id, fields)
    setEditing(undefined)
    refocus(buttonId('edit', id), `${base}-add`)
  }
  const move = (script: Script, index: number, by: -1 | 1): void => {
    moveScript(props.teamDoc, script.id, index + by)
    refocus(buttonId(by < 0 ? 'up' : 'down', script.id), buttonId(by < 0 ? 'down' : 'up', script.id))
  }
  const remove = (script: Script): void => {
    deleteScript(props.teamDoc, script.id)
    const current = editing()
    if (current?.mode === 'edit' && current.script.id === script.id) setEditing(undefined)
    refocus(`${base}-add`)
  }

  return (
    <Dialog.Root open={props.open} onOpenChange={(open) => props.onOpenChange(open)}>
      <Dialog.Portal>
        <Dialog.Overlay class="scripts-overlay" />
        <div class="scripts-positioner">
          <Dialog.Content class="scripts-dialog scripts-dialog--wide">
            <header class="scripts-dialog__header">
              <Dialog.Title class="scripts-dialog__title">{t('scripts.manage')}</Dialog.Title>
              <Dialog.CloseButton class="button scripts-dialog__close" aria-label={t('scripts.close')}>
                <span aria-hidden="true">×</span>
              </Dialog.CloseButton>
            </header>
            <div class="scripts-dialog__actions scripts-dialog__actions--start">
              <button id={`${base}-add`} type="button" class="button button--primary" onClick={() => setEditing({ mode: 'add' })}>
                {t('scripts.add')}
              </button>
            </div>
            <Show when={editing()} keyed>
              {(current) => (
                <ScriptForm
                  initial={current.mode === 'edit' ? current.script : undefined}
                  categories={categories()}
                  onSave={save}
                  onCancel={() => setEditing(undefined)}
                />
              )}
            </Show>
            <Show when={props.scripts() !== undefined} fallback={<ScriptsLoading failed={props.scriptsFailed} retry={() => props.scripts()} />}>
              <Show when={scripts().length > 0} fallback={<p class="hint">{t('scripts.libraryEmpty')}</p>}>
                <For each={groups()}>
                  {(group) => (
                    <section class="scripts-library__group">
                      <h3 class="scripts-list__category">{group.category === '' ? t('scripts.uncategorized') : group.category}</h3>
                      <ul class="scripts-library__list">
                        <For each={group.scripts}>
                          {(script, index) => (
                            <li class="scripts-library__item">
                              <div class="scripts-library__summary">
                                <span class="scripts-list__title">{script.title}</span>{' '}
                                <span class="scripts-library__kind">{t(script.kind === 'url' ? 'scripts.kindUrl' : 'scripts.kindMessage')}</span>
                                <span class="scripts-list__text">{script.text}</span>
                              </div>
                              <div class="scripts-library__controls">
                                <button
                                  id={buttonId('up', script.id)}
                                  type="button"
                                  class="button button--icon"
                                  aria-label={t('scripts.moveUp', { title: script.title })}
                                  disabled={index() === 0}
                                  onClick={() => move(script, index(), -1)}
                                >
                                  <span aria-hidden="true">↑</span>
                                </button>
                                <button
                                  id={buttonId('down', script.id)}
                                  type="button"
                                  class="button button--icon"
                                  aria-label={t('scripts.moveDown', { title: script.title })}
                                  disabled={index() === group.scripts.length - 1}
                                  onClick={() => move(script, index(), 1)}
                                >
                                  <span aria-hidden="true">↓</span>
                                </button>
                                <button id={buttonId('edit', script.id)} type="button" class="button" aria-label={t('scripts.edit', { title: script.title })} onClick={() => setEditing({ mode: 'edit', script })}>
                                  {t('scripts.editShort')}
                                </button>
                                <button type="button" class="button" aria-label={t('scripts.delete', { title: script.title })} onClick={() => remove(script)}>
                                  {t('scripts.deleteShort')}
                                </button>
                              </div>
                            </li>
                          )}
                        </For>
                      </ul>
                    </section>
                  )}
                </For>
              </Show>
            </Show>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
