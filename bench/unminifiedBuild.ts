/** The app built without minification (function names kept, for CPU profiles) into a temp folder. */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Builds the working tree unminified into `<tmp>/asiste-<name>-<pid>` and returns that folder. */
export async function buildUnminified(name: string): Promise<string> {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const outDir = join(tmpdir(), `asiste-${name}-${process.pid}`)
  await new Promise<void>((resolve, reject) => {
    const child = spawn(join(root, 'node_modules/.bin/vite'), ['build', '--minify', 'false', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited ${code}`))))
  })
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`no build in ${outDir}`)
  return outDir
}
