/**
 * The "Export transcript" dialog: pick a format and what to include, then
 * download. Rep-only messages and session notes are left out unless ticked,
 * and the ticks reset every time the dialog opens.
 */
import { Dialog } from '@kobalte/core/dialog'
import { For, Show, createEffect, createSignal, createUniqueId, on } from 'solid-js'
import type { ExportOptions } from '../../doc/exportData'
import type { ExportFormat } from '../../app/export/formatTranscript'
import { t, type MessageKey } from '../../i18n/i18n'
import '../shell/dialogs.css'

const FORMAT_LABELS: Record<ExportFormat, MessageKey> = {
  txt: 'export.formatTxt',
  html: 'export.formatHtml',
  json: 'export.formatJson',
}

/** Props of the export dialog; `open` is controlled by the caller (toolbar button, session menu). */
export interface ExportDialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Makes and downloads the file (may throw: the dialog shows why). */
  /** Makes the file; may load the formatters first (a failure shows in the dialog). */
  onExport: (format: ExportFormat, options: ExportOptions) => unknown
}

/** The formats, in the order the dialog offers them. */
const EXPORT_FORMATS: readonly ExportFormat[] = ['txt', 'html', 'json']

/** The export dialog of one session. */
export function ExportDialog(props: ExportDialogProps) {
  const [format, setFormat] = createSignal<ExportFormat>('txt')
  const [includeRepOnly, setIncludeRepOnly] = createSignal(false)
  const [includeNotes, setIncludeNotes] = createSignal(false)
  const [error, setError] = createSignal<string>()
  const id = createUniqueId()
  // Opened by a controlled prop, not a Dialog.Trigger, so Kobalte has no trigger to refocus: remember the opener.
  let opener: HTMLElement | undefined

  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return
        setIncludeRepOnly(false)
        setIncludeNotes(false)
        setError(undefined)
      },
    ),
  )

  const download = async (): Promise<void> => {
    try {
      await props.onExport(format(), { includeRepOnly: includeRepOnly(), includeNotes: includeNotes() })
      setError(undefined)
    } catch (cause) {
      setError(t('export.failed', { message: cause instanceof Error ? cause.message : String(cause) }))
    }
  }

  return (
    <Dialog open={props.open} onOpenChange={(open) => props.onOpenChange(open)}>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog__overlay" />
        <div class="dialog__positioner">
          <Dialog.Content
            class="dialog"
            onOpenAutoFocus={() => {
              opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined
            }}
            onCloseAutoFocus={() => {
              if (opener?.isConnected) opener.focus({ preventScroll: true })
              opener = undefined
            }}
          >
            <Dialog.Title class="dialog__title">{t('export.title')}</Dialog.Title>
            <div class="dialog__body">
              <fieldset class="dialog__group" role="radiogroup" aria-labelledby={`${id}-format`}>
                <legend id={`${id}-format`}>{t('export.format')}</legend>
                <For each={EXPORT_FORMATS}>
                  {(item) => (
                    <label class="dialog__choice">
                      <input type="radio" name={`${id}-format`} value={item} checked={format() === item} onChange={() => setFormat(item)} />
                      {t(FORMAT_LABELS[item])}
                    </label>
                  )}
                </For>
              </fieldset>
              <label class="dialog__choice">
                <input type="checkbox" checked={includeRepOnly()} onChange={(event) => setIncludeRepOnly(event.currentTarget.checked)} />
                {t('export.includeRepOnly')}
              </label>
              <label class="dialog__choice">
                <input type="checkbox" checked={includeNotes()} onChange={(event) => setIncludeNotes(event.currentTarget.checked)} />
                {t('export.includeNotes')}
              </label>
              <Dialog.Description class="hint">{t('export.help')}</Dialog.Description>
              <Show when={error()}>{(message) => <p class="error" role="alert">{message()}</p>}</Show>
            </div>
            <div class="dialog__actions">
              <Dialog.CloseButton class="button" aria-label={t('export.close')}>
                {t('export.close')}
              </Dialog.CloseButton>
              <button type="button" class="button button--primary" onClick={() => void download()}>
                {t('export.download')}
              </button>
            </div>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  )
}
