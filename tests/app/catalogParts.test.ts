// Text already on screen updates when a part of the catalog arrives (the customer's tools load their strings on first use).
// Here, not in tests/i18n, because that project runs Solid's server build, which does not track.
import { expect, it, vi } from 'vitest'
import { mediaToolsEn } from '../../src/i18n/mediaToolStrings'

it('a memo reading a part’s key shows the text once the part has loaded', async () => {
  vi.resetModules()
  const i18n = await import('../../src/i18n/i18n')
  const { createRoot, createMemo } = await import('solid-js') // the instance the fresh i18n module tracks with
  const { label, dispose } = createRoot((dispose) => ({ label: createMemo(() => i18n.t('files.accept')), dispose }))
  expect(label()).toBe('files.accept')
  await i18n.loadStrings('media')
  expect(label()).toBe(mediaToolsEn['files.accept'])
  dispose()
})
