/**
 * The real server in a child process that answers memory questions over IPC
 * (`{ type: 'memory' }` → `process.memoryUsage()` after a full GC, and the relay's own buffer accounting), for
 * `slowReaders.bench.ts`. Run with `node --expose-gc --import tsx`.
 */
import { startServer } from '../server/startServer.ts'

const server = await startServer({ env: process.env, log: (line) => process.stdout.write(`${line}\n`) })
const gc = (globalThis as { gc?: () => void }).gc

process.on('message', (message: unknown) => {
  if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== 'memory') return
  // A full collection first, so heap figures are what is live, not what is merely uncollected.
  gc?.()
  process.send?.({ type: 'memory', usage: process.memoryUsage(), stats: server.signalingStats() })
})
process.on('disconnect', () => {
  void server.close().then(() => process.exit(0))
})
process.send?.({ type: 'ready', port: server.port })
