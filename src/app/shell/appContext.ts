/** The context through which views reach the app's state (views never touch net or store). */
import { createContext, useContext } from 'solid-js'
import type { NetworkHub } from './networkHub'
import type { Lang } from '../../i18n/i18n'
import type { PrefsStore } from './prefsStore'

/** What every view can reach. */
export interface AppServices {
  hub: NetworkHub
  /** The page's origin, for building links. */
  origin: string
  /** Persists and applies a UI language. */
  chooseLang(lang: Lang): void
  /** Chat preferences (reactive, saved on change). */
  prefs: PrefsStore
}

/** The app context. */
export const AppContext = createContext<AppServices>()

/** Reads the app context; throws when a view is rendered outside the app. */
export function useApp(): AppServices {
  const services = useContext(AppContext)
  if (!services) throw new Error('useApp outside <AppContext.Provider>')
  return services
}
