/**
 * The console's icons, from Lucide (lucide-solid, ISC): a maintained, consistent stroked set on a
 * 24×24 grid drawn in currentColor, so nothing depends on a font having a glyph. Each icon is imported
 * on its own (`lucide-solid/icons/<name>`), so the bundle carries only the ones listed here, never the
 * package's index. Always decorative: the control beside them carries the name.
 */
import type { Component } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import type { LucideProps } from 'lucide-solid'
import ArrowLeftRight from 'lucide-solid/icons/arrow-left-right'
import ChevronDown from 'lucide-solid/icons/chevron-down'
import ChevronUp from 'lucide-solid/icons/chevron-up'
import CircleQuestionMark from 'lucide-solid/icons/circle-question-mark'
import Copy from 'lucide-solid/icons/copy'
import Download from 'lucide-solid/icons/download'
import Eye from 'lucide-solid/icons/eye'
import EyeOff from 'lucide-solid/icons/eye-off'
import FaceSlightlySmiling from 'lucide-solid/icons/face-slightly-smiling'
import KeyRound from 'lucide-solid/icons/key-round'
import Link from 'lucide-solid/icons/link'
import Menu from 'lucide-solid/icons/menu'
import MessageSquareText from 'lucide-solid/icons/message-square-text'
import Minus from 'lucide-solid/icons/minus'
import Monitor from 'lucide-solid/icons/monitor'
import Plus from 'lucide-solid/icons/plus'
import Search from 'lucide-solid/icons/search'
import SpellCheck from 'lucide-solid/icons/spell-check'
import Square from 'lucide-solid/icons/square'
import SquareArrowOutUpRight from 'lucide-solid/icons/square-arrow-out-up-right'
import Upload from 'lucide-solid/icons/upload'
import UserPlus from 'lucide-solid/icons/user-plus'
import X from 'lucide-solid/icons/x'

/** Each of our icon names as the Lucide icon that draws it. */
const ICONS = {
  script: MessageSquareText,
  link: Link,
  push: SquareArrowOutUpRight,
  spell: SpellCheck,
  minus: Minus,
  plus: Plus,
  screen: Monitor,
  file: Upload,
  invite: UserPlus,
  eye: Eye,
  eyeOff: EyeOff,
  download: Download,
  stop: Square,
  transfer: ArrowLeftRight,
  key: KeyRound,
  help: CircleQuestionMark,
  menu: Menu,
  copy: Copy,
  search: Search,
  up: ChevronUp,
  down: ChevronDown,
  close: X,
  smile: FaceSlightlySmiling,
} as const satisfies Record<string, Component<LucideProps>>

/** An icon's name. */
export type IconName = keyof typeof ICONS

/** One icon, hidden from assistive technology. */
export function Icon(props: { name: IconName }) {
  return <Dynamic component={ICONS[props.name]} class="icon" size={18} aria-hidden="true" />
}
