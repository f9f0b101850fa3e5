/**
 * The console's icons: simple stroked SVG drawn for Asiste (24×24 grid, currentColor), so nothing
 * depends on a font having a glyph. Always decorative: the control beside them carries the name.
 */
import { For } from 'solid-js'

/** Each icon as the `d` of its strokes. */
const PATHS = {
  script: ['M4 5h16v11H9l-5 4z', 'M8 9h8', 'M8 12h5'],
  link: ['M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1', 'M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1'],
  push: ['M14 4h6v6', 'M20 4l-9 9', 'M18 14v6H4V6h6'],
  spell: ['M3 17l4-10 4 10', 'M4.6 13h4.8', 'M13 15l3 3 5-7'],
  minus: ['M5 12h14'],
  plus: ['M5 12h14', 'M12 5v14'],
  screen: ['M3 5h18v12H3z', 'M8 21h8', 'M12 17v4'],
  file: ['M12 16V4', 'M7 9l5-5 5 5', 'M4 20h16'],
  invite: ['M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M2 21a7 7 0 0 1 14 0', 'M19 8v6', 'M16 11h6'],
  eye: ['M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z', 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z'],
  eyeOff: ['M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z', 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z', 'M3 3l18 18'],
  download: ['M12 4v12', 'M7 11l5 5 5-5', 'M4 20h16'],
  stop: ['M6 6h12v12H6z'],
  transfer: ['M4 8h15l-3-3', 'M20 16H5l3 3'],
  key: ['M7 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M11 12h10', 'M17 12v3', 'M20 12v2'],
  help: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.7', 'M12 17h.01'],
  menu: ['M4 6h16', 'M4 12h16', 'M4 18h16'],
  copy: ['M9 9h11v11H9z', 'M5 15H4V4h11v1'],
  search: ['M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14z', 'M16 16l5 5'],
  up: ['M6 15l6-6 6 6'],
  down: ['M6 9l6 6 6-6'],
  close: ['M6 6l12 12', 'M18 6L6 18'],
  smile: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M8 14s1.5 2 4 2 4-2 4-2', 'M9 9h.01', 'M15 9h.01'],
} as const satisfies Record<string, readonly string[]>

/** An icon's name. */
export type IconName = keyof typeof PATHS

/** One icon, hidden from assistive technology. */
export function Icon(props: { name: IconName }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
      <For each={PATHS[props.name]}>{(d) => <path d={d} />}</For>
    </svg>
  )
}
