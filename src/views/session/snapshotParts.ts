/** The views of a reopened session's saved last screenful, one chunk loaded only when a snapshot is shown (lazySnapshot.tsx). */
export { OpeningSession } from './OpeningSession'
export { SnapshotCover } from './SnapshotCover'
