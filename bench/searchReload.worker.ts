/**
 * The search bench's reload worker. It first receives the stored segments and
 * keeps them (standing in for IndexedDB); on `reload` it clones them, as an
 * IndexedDB read does, and decodes them, as the app's search worker does on load.
 */
import { parentPort } from 'node:worker_threads'
import { createTranscriptIndex, putSegment } from '../src/store/searchIndex'
import { Segment } from '../src/store/searchSegment'

let disk: unknown[] = []
parentPort?.on('message', (message: { stored?: unknown[] } | 'reload') => {
  if (message !== 'reload') {
    disk = message.stored ?? []
    parentPort?.postMessage('stored')
    return
  }
  const index = createTranscriptIndex()
  for (const raw of structuredClone(disk)) {
    const segment = Segment.decode(raw)
    if (segment) putSegment(index, segment)
  }
  parentPort?.postMessage(index.segments.size)
})
