/**
 * The satisfaction rating offered once the session has ended: a radiogroup
 * `Rate this chat` (1–5, each a native radio named by its number, stars drawn
 * beside it) and `Send rating`. Optional; once sent, the page thanks and the
 * rating stays in the transcript the reps keep.
 */
import { For, Show, createSignal } from 'solid-js'
import { t, tn } from '../../i18n/i18n'
import './rating.css'

const SCORES = [1, 2, 3, 4, 5] as const

/** Props: the rating already given (if any) and how to send one. */
export function RatingForm(props: { rating: number | undefined; onRate: (rating: number) => void }) {
  const [chosen, setChosen] = createSignal<number>()
  const [error, setError] = createSignal<string>()
  const legendId = `rating-${Math.random().toString(36).slice(2)}`
  const send = (event: SubmitEvent): void => {
    event.preventDefault()
    const rating = chosen()
    if (rating === undefined) {
      setError(t('rating.choose'))
      return
    }
    try {
      props.onRate(rating)
      setError(undefined)
    } catch (cause) {
      setError(t('rating.failed', { message: cause instanceof Error ? cause.message : String(cause) }))
    }
  }
  return (
    <Show when={props.rating === undefined} fallback={<p class="banner" role="status">{t('rating.thanks', { rating: props.rating ?? 0 })}</p>}>
      <form class="rating" onSubmit={send}>
        <p id={legendId} class="rating__prompt">{t('rating.prompt')}</p>
        <div class="rating__choices" role="radiogroup" aria-label={t('rating.group')} aria-describedby={legendId}>
          <For each={SCORES}>
            {(score) => (
              <label class="rating__choice" title={tn('rating.star', score)}>
                <input type="radio" name={legendId} value={score} checked={chosen() === score} onChange={() => setChosen(score)} />
                <span class="rating__stars" aria-hidden="true">{'★'.repeat(score)}</span>
                <span>{score}</span>
              </label>
            )}
          </For>
        </div>
        <button type="submit" class="button button--primary">{t('rating.send')}</button>
        <Show when={error()}>
          <p role="alert" class="error">{error()}</p>
        </Show>
      </form>
    </Show>
  )
}
