/**
 * Find in session, as the session views use it: the bar (FindBarPanel.tsx, with the matching and its
 * wording) is a chunk fetched the first time a rep or customer opens find, so neither page's start
 * loads it (issue 20, bundles). It mounts open and takes focus once its chunk is in.
 */
import { lazyPart } from '../shell/lazyPart'
import type { FindBarProps } from './FindBarPanel'

/** The find bar of one transcript (mounted while find is open). */
export const FindBar = lazyPart<FindBarProps>(() => import('./FindBarPanel').then((module) => module.FindBarPanel), () => true)
