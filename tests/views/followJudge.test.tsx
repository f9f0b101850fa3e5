// @vitest-environment happy-dom
// Whether a transcript keeps following new entries after a scroll event (both transcripts use it).
import { describe, expect, it } from 'vitest'
import { AT_BOTTOM_PX, createFollowJudge } from '../../src/views/session/TranscriptFooter'

/** A scroller's geometry, as a scroll event's handler reads it. */
function scroller(scrollTop: number, scrollHeight: number, clientHeight = 400): HTMLElement {
  return { scrollTop, scrollHeight, clientHeight } as HTMLElement
}

describe('createFollowJudge', () => {
  it('keeps following when rows came in between the follow scroll and its scroll event', () => {
    const judge = createFollowJudge()
    expect(judge(scroller(600, 1000), true)).toBe(true) // at the end
    // The list scrolled to its end (top 600), then two rows of 64 px were appended before the event arrived:
    // 128 px from the end, which the distance alone reads as "the reader left".
    expect(1128 - 600 - 400).toBeGreaterThan(AT_BOTTOM_PX)
    expect(judge(scroller(600, 1128), true)).toBe(true)
    expect(judge(scroller(700, 1128), true)).toBe(true) // the next follow scroll
  })

  it('stops following when the reader scrolls up, and follows again at the end', () => {
    const judge = createFollowJudge()
    expect(judge(scroller(600, 1000), true)).toBe(true)
    expect(judge(scroller(300, 1000), true)).toBe(false)
    expect(judge(scroller(450, 1000), false)).toBe(false) // down, but not yet at the end
    expect(judge(scroller(590, 1000), false)).toBe(true) // within AT_BOTTOM_PX of the end
  })

  it('keeps a reader who left the end where they were when content grows or an older page goes in above', () => {
    const judge = createFollowJudge()
    expect(judge(scroller(100, 1000), false)).toBe(false) // a restored place, away from the end
    expect(judge(scroller(900, 1800), false)).toBe(false) // older rows above: the place kept by scrolling down
  })

  it('lets a list shrunk to its end follow again even though its top moved up', () => {
    const judge = createFollowJudge()
    expect(judge(scroller(600, 1000), true)).toBe(true)
    // Rows measured shorter than estimated: the browser clamps the top to the new end.
    expect(judge(scroller(560, 960), true)).toBe(true)
  })
})
