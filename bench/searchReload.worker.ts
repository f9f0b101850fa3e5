/**
 * The search bench's reload worker. It first receives the stored segments and
 * keeps them (standing in for IndexedDB); on `reload` it clones them, as an
 * IndexedDB read does, and decodes them, as the app's search worker does on load.
 */
import { parentPort } from 'node:worker_threads'
import { createTranscriptIndex, putSegment } from '../src/store/searchIndex'
import { Segment } from '../src/store/searchSegment'

let disk: { stored: unknown[]; vocabulary: string } = { stored: [], vocabulary: '' }
parentPort?.on('message', (message: { stored: unknown[]; vocabulary: string } | 'reload') => {
  if (message !== 'reload') {
    disk = message
    parentPort?.postMessage('stored')
    return
  }
  const index = createTranscriptIndex()
  const { stored, vocabulary } = structuredClone(disk)
  for (const raw of stored) {
    const segment = Segment.decode(raw)
    if (segment) putSegment(index, segment)
  }
  index.vocabulary = new Set(vocabulary.split('\n'))
  parentPort?.postMessage(index.segments.size)
})
