// Worker threads do not inherit tsx's loader on this Node: register it, then load the TypeScript worker.
import { register } from 'tsx/esm/api'

register()
await import('./searchReload.worker.ts')
