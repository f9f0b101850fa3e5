/** The body of `/config.json`, built per request: the deploy's static settings and fresh TURN credentials. */
import type { RuntimeConfig } from './runtimeConfig.ts'
import { mintTurnServer, type TurnSettings } from './turnCredentials.ts'

/** What the client fetches: the runtime config plus what is minted per fetch. */
export type ClientConfig = RuntimeConfig

/** Makes the `/config.json` body builder; each call mints TURN credentials valid from `now()`. */
export function makeClientConfig(runtime: RuntimeConfig, turn: TurnSettings | undefined, now: () => number = Date.now): () => ClientConfig {
  return () => ({
    ...runtime,
    iceServers: turn ? [...runtime.iceServers, mintTurnServer(turn, now())] : runtime.iceServers,
  })
}
