/** The Details block: session facts and what the customer shared. It heads the panel, the transcript and every export. */
import { For } from 'solid-js'
import type { ExportDetails } from '../../doc/exportData'
import { exportLabels, headerRows } from '../../i18n/detailLabels'

/** A description list of the details (same rows, same labels as the exports). */
export function DetailsList(props: { details: ExportDetails; class?: string }) {
  return (
    <dl class={`details ${props.class ?? ''}`}>
      <For each={headerRows(props.details, exportLabels())}>
        {([label, value]) => (
          <div class="details__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        )}
      </For>
    </dl>
  )
}
