/** − / + font size in the session toolbar, with the current size between them; they stop at the ends (no wrapping round). */
import { t } from '../../i18n/i18n'
import { Icon } from '../shell/Icon'

/** The sizes the tool steps through and the one in use. */
export interface FontSizeControl {
  sizes: readonly number[]
  size: number
  set(size: number): void
}

/** The size one step from `current` in `sizes` (sorted), or undefined at the end. */
export function stepFontSize(sizes: readonly number[], current: number, direction: 1 | -1): number | undefined {
  const index = sizes.indexOf(current)
  if (index === -1) return sizes.find((size) => (direction === 1 ? size > current : size < current))
  return sizes[index + direction]
}

/** Two toolbar buttons (`Smaller text`, `Font size`) around the size in use. */
export function FontSizeButtons(props: { font: FontSizeControl }) {
  const smaller = () => stepFontSize(props.font.sizes, props.font.size, -1)
  const larger = () => stepFontSize(props.font.sizes, props.font.size, 1)
  const step = (size: number | undefined): void => {
    if (size !== undefined) props.font.set(size)
  }
  return (
    <>
      <button type="button" class="toolbar__button" tabIndex={-1} aria-label={t('tools.fontSmaller')} aria-disabled={smaller() === undefined ? 'true' : undefined} onClick={() => step(smaller())}>
        <Icon name="minus" />
      </button>
      <span class="toolbar__size" aria-hidden="true">
        {t('tools.fontSizeShown', { size: props.font.size })}
      </span>
      {/* Named `Font size` (UI-CONTRACT.md): the step up is what that button always did. */}
      <button type="button" class="toolbar__button" tabIndex={-1} aria-label={t('tools.fontSize')} title={t('tools.fontLarger')} aria-disabled={larger() === undefined ? 'true' : undefined} onClick={() => step(larger())}>
        <Icon name="plus" />
      </button>
    </>
  )
}
