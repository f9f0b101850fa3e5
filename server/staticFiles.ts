/** Serves the built PWA from `dist/`: MIME types, caching, SPA fallback, and no path ever escaping the folder. */
import { createReadStream, existsSync, type Stats } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.map': 'application/json',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}
const FALLBACK_MIME = 'application/octet-stream'
/** Vite puts a content hash in every file name under assets/, so a URL there never changes meaning. */
const IMMUTABLE = 'public, max-age=31536000, immutable'
/** Everything else (index.html, sw.js, workbox-*.js, manifest…) must be revalidated or app updates never arrive. */
const REVALIDATE = 'no-cache'
const NOT_BUILT = 'Asiste is not built yet: run npm run build first.\n'

/** Answers one GET/HEAD request for a file of the app (the caller has already checked the method). */
export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>

/** True if `distDir` holds a built app (its index.html). */
export function hasBuiltApp(distDir: string): boolean {
  return existsSync(path.join(distDir, 'index.html'))
}

/** Makes the handler that serves files under `distDir`, falling back to index.html for extension-less paths. */
export function createStaticHandler(distDir: string): StaticHandler {
  const root = path.resolve(distDir)
  const indexFile = path.join(root, 'index.html')

  return async (req, res) => {
    const decoded = decodePath(req.url ?? '/')
    if (decoded === undefined) return sendText(res, 400, 'Bad request\n')
    const file = path.join(root, decoded)
    if (file !== root && !file.startsWith(root + path.sep)) return sendText(res, 400, 'Bad request\n')

    const found = await statFile(file)
    if (found) return sendFile(req, res, file, found, cacheControlFor(root, file))
    // A missing path ending in a file type we serve is a missing file; anything else (even `/join/id.key`) is a route.
    if (Object.hasOwn(MIME_TYPES, path.extname(decoded).toLowerCase())) return sendText(res, 404, 'Not found\n')
    const index = await statFile(indexFile)
    if (!index) return sendText(res, 503, NOT_BUILT)
    return sendFile(req, res, indexFile, index, REVALIDATE)
  }
}

/** The URL's path, percent-decoded; undefined if it is malformed or hides a NUL byte. */
function decodePath(url: string): string | undefined {
  const raw = url.split('?', 1)[0] ?? ''
  if (!raw.startsWith('/')) return undefined
  let decoded: string
  try {
    decoded = decodeURIComponent(raw)
  } catch {
    return undefined
  }
  return decoded.includes('\0') ? undefined : decoded
}

async function statFile(file: string): Promise<Stats | undefined> {
  try {
    const stats = await stat(file)
    return stats.isFile() ? stats : undefined
  } catch {
    return undefined
  }
}

function cacheControlFor(root: string, file: string): string {
  return path.relative(root, file).split(path.sep)[0] === 'assets' ? IMMUTABLE : REVALIDATE
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, stats: Stats, cacheControl: string): void {
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`
  res.setHeader('Cache-Control', cacheControl)
  res.setHeader('ETag', etag)
  res.setHeader('Last-Modified', stats.mtime.toUTCString())
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304).end()
    return
  }
  res.writeHead(200, {
    'Content-Type': MIME_TYPES[path.extname(file).toLowerCase()] ?? FALLBACK_MIME,
    'Content-Length': stats.size,
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res)
}

/** Sends a short plain-text response (errors and hints). */
export function sendText(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  })
  res.end(res.req.method === 'HEAD' ? undefined : body)
}
