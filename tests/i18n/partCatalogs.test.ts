/** Issue 20: the media tools' and the export's strings are parts of their own, fetched with the code that shows them. */
import { describe, expect, it, vi } from 'vitest'
import { en } from '../../src/i18n/en'
import { es } from '../../src/i18n/es'
import { mediaToolsEn } from '../../src/i18n/mediaToolStrings'
import { mediaToolsEs } from '../../src/i18n/mediaToolStrings.es'
import { exportEn } from '../../src/i18n/exportStrings'
import { exportEs } from '../../src/i18n/exportStrings.es'
import { queueEn } from '../../src/i18n/queueStrings'
import { queueEs } from '../../src/i18n/queueStrings.es'
import { repOnlyEn } from '../../src/i18n/repOnlyStrings'
import { repOnlyEs } from '../../src/i18n/repOnlyStrings.es'
import { consoleEn } from '../../src/i18n/consoleStrings'
import { historyEn } from '../../src/i18n/historyStrings'
import { historyEs } from '../../src/i18n/historyStrings.es'
import { scriptsEn } from '../../src/i18n/scripts'
import { scriptsEs } from '../../src/i18n/scripts.es'
import { consoleDialogsEn } from '../../src/i18n/consoleDialogStrings'
import { consoleDialogsEs } from '../../src/i18n/consoleDialogStrings.es'

async function freshI18n() {
  vi.resetModules()
  return import('../../src/i18n/i18n')
}

describe('string parts', () => {
  it('each part has the same keys in both languages, and none is in the catalog every page loads', () => {
    for (const [english, spanish] of [[mediaToolsEn, mediaToolsEs], [exportEn, exportEs], [queueEn, queueEs], [repOnlyEn, repOnlyEs], [historyEn, historyEs], [scriptsEn, scriptsEs], [consoleDialogsEn, consoleDialogsEs]] as const) {
      expect(Object.keys(spanish).sort()).toEqual(Object.keys(english).sort())
      expect(Object.keys(english).filter((key) => key in en || key in es)).toEqual([])
    }
    expect(Object.keys(repOnlyEn).filter((key) => !(key in consoleEn))).toEqual([]) // a part of the console's
  })

  it('what the customer page shows before its tools load stays in the first catalog', () => {
    for (const key of ['files.sendTool', 'files.noPeer', 'files.tooLarge', 'status.fileOffered', 'status.screenShared', 'status.credentialsProvided']) expect(key in en).toBe(true)
    for (const key of ['files.accept', 'screen.requestTitle', 'credentials.requestTitle']) expect(key in en).toBe(false)
  })

  it('media strings are keys until loadStrings, then text, in the page’s language', async () => {
    const i18n = await freshI18n()
    expect(i18n.t('files.accept')).toBe('files.accept')
    await i18n.loadStrings('media')
    expect(i18n.t('files.accept')).toBe(mediaToolsEn['files.accept'])
    await i18n.loadLang('es')
    i18n.setLang('es')
    expect(i18n.t('files.accept')).toBe(mediaToolsEs['files.accept'])
  })

  it('a part asked for while Spanish comes in Spanish, and comes along when the page switches to English', async () => {
    const i18n = await freshI18n()
    await i18n.loadLang('es')
    i18n.setLang('es')
    await i18n.loadStrings('export')
    expect(i18n.t('export.transcript')).toBe(exportEs['export.transcript'])
    i18n.setLang('en')
    await vi.waitFor(() => expect(i18n.lang()).toBe('en')) // once the English part is in: never a mix of languages
    expect(i18n.t('export.transcript')).toBe(exportEn['export.transcript'])
  })

  it('the console loads its own strings with the export’s; the queue’s, History’s, the scripts’ and the dialogs’ wait for their views', async () => {
    const i18n = await freshI18n()
    expect(i18n.t('screen.requestTool')).toBe('screen.requestTool')
    await i18n.loadConsoleStrings()
    expect([i18n.t('screen.requestTool'), i18n.t('export.transcript'), i18n.t('tools.label'), i18n.t('history.open'), i18n.t('portals.button')]).toEqual([repOnlyEn['screen.requestTool'], exportEn['export.transcript'], repOnlyEn['tools.label'], repOnlyEn['history.open'], repOnlyEn['portals.button']])
    expect(i18n.t('files.accept')).toBe('files.accept') // the media tools' strings come with the tools
    expect([i18n.t('queue.title'), i18n.t('history.title'), i18n.t('scripts.pickerMessages'), i18n.t('prefs.title')]).toEqual(['queue.title', 'history.title', 'scripts.pickerMessages', 'prefs.title'])
    await Promise.all([i18n.loadStrings('queue'), i18n.loadStrings('history'), i18n.loadStrings('scripts'), i18n.loadStrings('dialogs')])
    expect([i18n.t('queue.title'), i18n.t('history.title'), i18n.t('scripts.pickerMessages'), i18n.t('prefs.title')]).toEqual([queueEn['queue.title'], historyEn['history.title'], scriptsEn['scripts.pickerMessages'], consoleDialogsEn['prefs.title']])
  })
})
