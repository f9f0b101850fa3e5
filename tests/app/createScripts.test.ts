import { describe, expect, it } from 'vitest'
import { createRoot } from 'solid-js'
import * as Y from 'yjs'
import { createScripts } from '../../src/app/session/createScripts'
import { addScript, deleteScript, scriptsMap } from '../../src/doc/scripts'

describe('script library projection', () => {
  it('follows local and remote changes, drops invalid values and stops after dispose', () => {
    createRoot((dispose) => {
      const local = new Y.Doc()
      const remote = new Y.Doc()
      const first = addScript(local, { kind: 'message', title: 'First', text: 'one', category: '' })
      const scripts = createScripts(local)
      expect(scripts().map((script) => script.title)).toEqual(['First'])

      addScript(remote, { kind: 'url', title: 'Docs', text: 'https://example.com', category: '' })
      scriptsMap(remote).set('bad', { kind: 'url', title: 'Evil', text: 'javascript:alert(1)', category: '', order: 9 })
      Y.applyUpdate(local, Y.encodeStateAsUpdate(remote))
      expect(scripts().map((script) => script.title)).toEqual(['First', 'Docs'])

      deleteScript(local, first)
      expect(scripts().map((script) => script.title)).toEqual(['Docs'])

      dispose()
      addScript(local, { kind: 'message', title: 'Late', text: 'x', category: '' })
      expect(scripts().map((script) => script.title)).toEqual(['Docs'])
    })
  })
})
