// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest'
import { render } from 'solid-js/web'
import FaceSlightlySmiling from 'lucide-solid/icons/face-slightly-smiling'
import { SmileIcon } from '../../src/views/session/EmojiPicker'

afterEach(() => {
  document.body.textContent = ''
})

/** Every attribute of an SVG and of its shapes, in document order (lucide's `key` bookkeeping left out). */
function drawing(svg: SVGSVGElement | null): string[][] {
  const attributes = (element: Element): string[] =>
    [element.tagName.toLowerCase(), ...[...element.attributes].filter((attribute) => attribute.name !== 'key').map((attribute) => `${attribute.name}=${attribute.value}`).sort()]
  return svg ? [attributes(svg), ...[...svg.children].map(attributes)] : []
}

test("the emoji button's icon draws exactly what lucide-solid's face-slightly-smiling draws at 18 px", () => {
  const ours = document.body.appendChild(document.createElement('div'))
  const lucides = document.body.appendChild(document.createElement('div'))
  render(() => <SmileIcon />, ours)
  render(() => <FaceSlightlySmiling class="icon" size={18} aria-hidden="true" />, lucides)
  expect(drawing(ours.querySelector('svg'))).toEqual(drawing(lucides.querySelector('svg')))
  expect(ours.querySelectorAll('path, circle')).toHaveLength(4)
})
