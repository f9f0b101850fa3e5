/**
 * Find in session: a searchbox over every entry of the transcript (the model's,
 * not the few rendered rows), `Next match` / `Previous match`, and "N of M"
 * said politely. Enter and Shift+Enter step, Escape closes and gives focus back.
 * Its own chunk, loaded on the first find (FindBar.tsx).
 */
import { createEffect, createMemo, on, onMount } from 'solid-js'
import type { Entry } from '../../doc/entry'
import type { FindState } from '../../app/session/findState'
import { findMatches, stepMatch } from './findMatches'
import { entrySearchText } from './entryText'
import { Icon } from '../shell/Icon'
import { formatNumber, t } from '../../i18n/i18n'

/** What the find bar is given. */
export interface FindBarProps {
  find: FindState
  entries: Entry[]
  selfId: string | undefined
  onClose?: () => void
}

/** The find bar of one transcript. */
export function FindBarPanel(props: FindBarProps) {
  let box: HTMLInputElement | undefined
  const helpId = `findbar-help-${Math.random().toString(36).slice(2)}`
  const query = () => props.find.query().trim()
  const matches = createMemo(() => findMatches(props.entries, query(), (entry) => entrySearchText(entry, props.selfId)))
  const position = () => {
    const id = props.find.currentId()
    return id === undefined ? -1 : matches().indexOf(id)
  }
  // A new query starts at the newest match; a match that no longer exists gives way to the newest one.
  createEffect(on(matches, (list) => {
    if (position() === -1) props.find.setCurrentId(list.at(-1))
  }))
  const step = (direction: 1 | -1): void => {
    props.find.setCurrentId(stepMatch(matches(), props.find.currentId(), direction))
  }
  const close = (): void => {
    props.find.setOpen(false)
    props.onClose?.()
  }
  onMount(() => box?.focus())
  const status = () => (query() === '' ? '' : matches().length === 0 ? t('find.none') : t('find.position', { index: formatNumber(position() + 1), count: formatNumber(matches().length) }))
  return (
    <div class="findbar" role="search" aria-label={t('find.region')}>
      <input
        ref={box}
        type="search"
        class="findbar__box"
        aria-label={t('find.label')}
        aria-describedby={helpId}
        value={props.find.query()}
        onInput={(event) => {
          props.find.setCurrentId(undefined)
          props.find.setQuery(event.currentTarget.value)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            step(event.shiftKey ? -1 : 1)
          } else if (event.key === 'Escape') {
            event.preventDefault()
            close()
          }
        }}
      />
      <span class="findbar__count" role="status" aria-live="polite">{status()}</span>
      <span id={helpId} class="visually-hidden">{t('find.help')}</span>
      <button type="button" class="button button--icon" aria-label={t('find.previous')} title={t('find.previous')} disabled={matches().length === 0} onClick={() => step(-1)}>
        <Icon name="up" />
      </button>
      <button type="button" class="button button--icon" aria-label={t('find.next')} title={t('find.next')} disabled={matches().length === 0} onClick={() => step(1)}>
        <Icon name="down" />
      </button>
      <button type="button" class="button button--icon" aria-label={t('find.close')} title={t('find.close')} onClick={close}>
        <Icon name="close" />
      </button>
    </div>
  )
}
