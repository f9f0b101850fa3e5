import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as Y from 'yjs'
import { applyTextValue, notesText, shiftIndex } from '../../src/doc/notes'

describe('session notes editing', () => {
  it('turning the editor value into a Y.Text edit reproduces the value exactly', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const doc = new Y.Doc()
        const text = notesText(doc)
        text.insert(0, before)
        applyTextValue(text, after, 'test')
        expect(text.toString()).toBe(after)
      }),
    )
  })

  it("two reps' concurrent edits at different places both survive", () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    notesText(a).insert(0, 'printer model: \nfix: ')
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    applyTextValue(notesText(a), 'printer model: HP 4100\nfix: ', 'a')
    applyTextValue(notesText(b), 'printer model: \nfix: reinstall driver', 'b')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(notesText(a).toString()).toBe('printer model: HP 4100\nfix: reinstall driver')
    expect(notesText(b).toString()).toBe(notesText(a).toString())
  })

  it('a caret moves with remote inserts and deletes before it, not after it', () => {
    expect(shiftIndex(5, [{ insert: 'abc' }])).toBe(8)
    expect(shiftIndex(5, [{ retain: 6 }, { insert: 'abc' }])).toBe(5)
    expect(shiftIndex(5, [{ retain: 1 }, { delete: 2 }])).toBe(3)
    expect(shiftIndex(5, [{ retain: 3 }, { delete: 10 }])).toBe(3)
  })
})
