// sameStoredEntry: two entries store the same exactly when every field toStored keeps is equal (the relay and the
// tamper check compare with it; they compared the JSON of toStored before).
import { expect, test } from 'vitest'
import { sameStoredEntry, toStored, type Entry } from '../../src/doc/entry'

const base: Entry = { id: 'e1', kind: 'status', audience: 'all', authorId: 'rep-1', authorName: 'Ana', authorRole: 'rep', text: 'Carla', at: 1_764_680_400_000, event: 'joined', eventKey: 'joined:c1:j1', ref: 'e0' }

const changes: Partial<Entry>[] = [
  { kind: 'chat' },
  { audience: 'reps' },
  { authorId: 'rep-2' },
  { authorName: 'Ána' },
  { authorRole: 'system' },
  { text: 'Carla ' },
  { at: base.at + 1 },
  { event: 'left' },
  { eventKey: 'joined:c1:j2' },
  { ref: 'e2' },
  { event: undefined },
  { eventKey: undefined },
  { ref: undefined },
]

test('equal fields store the same, whatever the ids; any stored field that differs does not', () => {
  expect(sameStoredEntry(base, { ...base })).toBe(true)
  expect(sameStoredEntry(base, { ...base, id: 'e9' } as Entry)).toBe(true)
  for (const change of changes) {
    const other = { ...base, ...change }
    expect(sameStoredEntry(base, other), JSON.stringify(change)).toBe(false)
    expect(sameStoredEntry(other, base), JSON.stringify(change)).toBe(false)
    // The same verdict as the JSON of what each stores.
    expect(JSON.stringify(toStored(other)) === JSON.stringify(toStored(base))).toBe(false)
  }
})
