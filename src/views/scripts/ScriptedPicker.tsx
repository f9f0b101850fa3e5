/**
 * The `Scripted messages` / `Scripted URLs` dialog: search the team library,
 * choose a script, fill in its variables, and hand the finished text to
 * `onChoose`. A variable without a value is asked for, so raw `{{…}}` never
 * reaches the message box. URL scripts get their values URL-encoded and the
 * result must still be an http(s) URL.
 */
import { Show, createComputed, createMemo, createSignal, on } from 'solid-js'
import * as Dialog from '@kobalte/core/dialog'
import { compareScripts, isHttpUrl, type Script, type ScriptKind } from '../../doc/scripts'
import { fillVariables } from '../../doc/variables'
import { ScriptSearchList } from './ScriptSearchList'
import { VariablesForm } from './VariablesForm'
import { t } from '../../i18n/i18n'
import { ScriptsLoading } from './ScriptsLoading'
import './scripts.css'

/** Props of the picker. `variables` holds the values the console knows (`customer.name`, `rep.name`, …). */
export interface ScriptedPickerProps {
  kind: ScriptKind
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The team's library; undefined while it loads (its code is fetched on first use). */
  scripts: () => Script[] | undefined
  /** Whether the library's code failed to load (then reading `scripts` again retries). */
  scriptsFailed?: () => boolean
  variables: () => Record<string, string>
  /** The search text when the dialog opens (the composer's `/` passes what follows the slash); followed while it changes. */
  initialQuery?: string
  /** Receives the filled-in text; the picker then closes itself. */
  onChoose: (text: string) => void
  /** `Manage scripts`: the picker closes itself first, then calls this (e.g. to open ScriptLibrary). */
  onManage?: () => void
  /** Where focus goes when the dialog closes (e.g. the message box); default: back to what had it before. */
  returnFocus?: () => HTMLElement | null | undefined
}

/** The scripted message / URL picker. */
export function ScriptedPicker(props: ScriptedPickerProps) {
  const [query, setQuery] = createSignal('')
  const [pending, setPending] = createSignal<{ script: Script; missing: string[] }>()
  const [error, setError] = createSignal<string>()
  let search: HTMLInputElement | undefined
  createComputed(
    on(
      () => props.open,
      (open) => {
        if (!open) return
        setQuery(props.initialQuery ?? '')
        setPending(undefined)
        setError(undefined)
      },
    ),
  )
  createComputed(on(() => props.initialQuery, (initial) => props.open && !pending() && setQuery(initial ?? ''), { defer: true }))
  // Sorted here too, so groups stay contiguous and arrow order matches what is shown whatever the caller passes.
  const ofKind = createMemo(() => (props.scripts() ?? []).filter((script) => script.kind === props.kind).sort(compareScripts))
  const encode = (value: string) => (props.kind === 'url' ? encodeURIComponent(value) : value)

  const finish = (script: Script, values: Record<string, string>): void => {
    const filled = fillVariables(script.text, values, encode)
    if (filled.missing.length > 0) {
      setPending({ script, missing: filled.missing })
      return
    }
    if (props.kind === 'url' && !isHttpUrl(filled.text)) {
      setError(t('scripts.filledUrlInvalid'))
      return
    }
    props.onChoose(filled.text)
    props.onOpenChange(false)
  }
  const manage = (): void => {
    props.onOpenChange(false)
    props.onManage?.()
  }

  return (
    <Dialog.Root open={props.open} onOpenChange={(open) => props.onOpenChange(open)}>
      <Dialog.Portal>
        <Dialog.Overlay class="scripts-overlay" />
        <div class="scripts-positioner">
          <Dialog.Content
            class="scripts-dialog"
            onOpenAutoFocus={(event) => {
              event.preventDefault()
              search?.focus()
            }}
            onCloseAutoFocus={(event) => {
              const target = props.returnFocus?.()
              if (!target) return
              event.preventDefault()
              target.focus()
            }}
          >
            <header class="scripts-dialog__header">
              <Dialog.Title class="scripts-dialog__title">{t(props.kind === 'url' ? 'scripts.pickerUrls' : 'scripts.pickerMessages')}</Dialog.Title>
              <Dialog.CloseButton class="button scripts-dialog__close" aria-label={t('scripts.close')}>
                <span aria-hidden="true">×</span>
              </Dialog.CloseButton>
            </header>
            <Show
              when={pending()}
              keyed
              fallback={
                <>
                  <ScriptSearchList
                    scripts={ofKind()}
                    query={query()}
                    onQuery={(next) => {
                      setQuery(next)
                      setError(undefined)
                    }}
                    onChoose={(script) => finish(script, props.variables())}
                    inputRef={(el) => (search = el)}
                  />
                  <Show
                    when={props.scripts() !== undefined}
                    fallback={<ScriptsLoading failed={props.scriptsFailed} retry={() => props.scripts()} />}
                  >
                    <Show when={ofKind().length === 0}>
                      <p class="hint">{t(props.kind === 'url' ? 'scripts.emptyUrls' : 'scripts.emptyMessages')}</p>
                    </Show>
                  </Show>
                  <Show when={error()}>
                    <p role="alert" class="error">
                      {error()}
                    </p>
                  </Show>
                </>
              }
            >
              {(ask) => (
                <VariablesForm
                  title={ask.script.title}
                  names={ask.missing}
                  error={error()}
                  onBack={() => {
                    setPending(undefined)
                    setError(undefined)
                    search?.focus()
                  }}
                  onInsert={(answers) => finish(ask.script, { ...props.variables(), ...answers })}
                />
              )}
            </Show>
            <Show when={props.onManage}>
              <footer class="scripts-dialog__footer">
                <button type="button" class="button" onClick={manage}>
                  {t('scripts.manage')}
                </button>
              </footer>
            </Show>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
