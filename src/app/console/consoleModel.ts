/** The rep console's model: the workspace of open sessions, the tabs and History, created once per page. */
import { createRoot } from 'solid-js'
import type { NetworkHub } from '../shell/networkHub'
import type { PrefsStore } from '../shell/prefsStore'
import type { History } from '../history/history'
import { createLazyHistory, createLazyTeamHistory } from '../history/lazyHistory'
import type { TeamHistory } from '../history/teamHistory'
import { createRepWorkspace, type RepWorkspace } from './repWorkspace'
import { createSessionTabs, type SessionTabs } from './sessionTabs'
import { createTeamView, type TeamView } from './teamView'
import { createStorageWarning } from './storageWarning'
import type { StorageInfo } from '../../store/storageQuota'
import type { Accessor } from 'solid-js'
import type { RepQueue } from '../queue/repQueue'
import { createLazyRepQueue } from '../queue/lazyRepQueue'

/** What the console's views render. */
export interface ConsoleModel {
  workspace: RepWorkspace
  tabs: SessionTabs
  history: History
  /** History's "Team sessions": the current team's sessions by day (issue 20). */
  teamHistory: TeamHistory
  team: TeamView
  /** Team portals and their waiting requests (issue 22). */
  queue: RepQueue
  /** The origin's storage use while it nears the quota (the rep should export and delete old sessions). */
  storageWarning: Accessor<StorageInfo | undefined>
}

/** Creates the console's model in a root of its own: it outlives every view (History ↔ sessions, tab switches). */
export function createConsoleModel(hub: NetworkHub, prefs: PrefsStore, origin: string): ConsoleModel {
  return createRoot(() => {
    const workspace = createRepWorkspace(hub, { origin })
    return {
      workspace,
      tabs: createSessionTabs(workspace, prefs),
      history: createLazyHistory(workspace),
      teamHistory: createLazyTeamHistory({ current: () => workspace.teams().find((team) => team.membership.teamId === workspace.currentTeamId()) }),
      team: createTeamView(workspace, origin),
      queue: createLazyRepQueue(workspace, hub, origin, prefs),
      storageWarning: createStorageWarning(),
    }
  })
}
