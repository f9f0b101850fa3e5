/** What the session toolbar and the session menu (its own chunk) both speak of, apart from either so neither imports the other. */
import type { IconName } from '../shell/Icon'

/** One session function. */
export interface SessionTool {
  id: string
  label: string
  /** Shown beside the icon on wide screens; always a part of `label`, so what people see is what they can say. */
  short: string
  icon: IconName
  /** Shown as a quick button in the toolbar, not only in the menu. */
  quick: boolean
  /** For toggles: current state (`aria-pressed`). */
  pressed?: boolean
  run(): void
}

/** The press that loaded the menu, handed on to the real button once it is in the page (SessionMenu.tsx). */
export type MenuPress = { kind: 'key'; key: string } | { kind: 'pointer'; pointerType: string }
