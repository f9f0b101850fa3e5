/** The body of `/config.json`, built per request: the deploy's static settings, fresh TURN credentials, and the portal salt. */
import type { RuntimeConfig } from './runtimeConfig.ts'
import { mintTurnServer, type TurnSettings } from './turnCredentials.ts'

/** What the client fetches: the runtime config plus what is minted or derived per deployment. */
export interface ClientConfig extends RuntimeConfig {
  /** This deployment's salt for deriving portal rooms from session codes (issue 17). */
  portalSalt: string
}

/** Makes the `/config.json` body builder; each call mints TURN credentials valid from `now()`. */
export function makeClientConfig(runtime: RuntimeConfig, turn: TurnSettings | undefined, portalSalt: string, now: () => number = Date.now): () => ClientConfig {
  return () => ({
    ...runtime,
    iceServers: turn ? [...runtime.iceServers, mintTurnServer(turn, now())] : runtime.iceServers,
    portalSalt,
  })
}
