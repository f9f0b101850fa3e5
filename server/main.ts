/** Entry point (`tsx server/main.ts`): reads the environment, starts the server, stops cleanly on SIGINT/SIGTERM. */
import { ConfigError } from './runtimeConfig.ts'
import { startServer, SIGNAL_PATH } from './startServer.ts'

try {
  const server = await startServer({ env: process.env })
  console.log(`Asiste is running at ${server.url}`)
  if (!server.hasApp) {
    console.warn(`No built app in ${server.distDir}: run npm run build first. Signaling still works at ${SIGNAL_PATH}.`)
  }
  let stopping = false
  const stop = (): void => {
    // A second Ctrl-C means "now", even if a client is slow to say goodbye.
    if (stopping) process.exit(1)
    stopping = true
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`Asiste: invalid configuration. ${err.message}`)
  } else if (isErrno(err) && err.code === 'EADDRINUSE') {
    console.error('Asiste: the port is already in use; set PORT to another port (e.g. PORT=8124).')
  } else {
    console.error('Asiste: could not start:', err)
  }
  process.exit(1)
}

function isErrno(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && 'code' in err
}
