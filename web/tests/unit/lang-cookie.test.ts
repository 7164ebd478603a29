import assert from 'node:assert/strict'
import { before, describe, test } from 'node:test'

process.env.SESSION_SECRET = 'un-secret-de-session-pour-les-tests-unitaires-0001'
process.env.NODE_ENV = 'production'

type LangModule = typeof import('../../app/lib/i18n/lang.server.ts')
let langs: LangModule

before(async () => {
  langs = await import('../../app/lib/i18n/lang.server.ts')
})

const visit = (path: string, headers: Record<string, string> = {}) => new Request(`http://web.test${path}`, { headers })

describe('the language asked with ?lang=', () => {
  test('from our own pages (the switch), a typed address or a bookmark: shown and remembered for a year', async () => {
    for (const site of ['same-origin', 'none', undefined]) {
      const { lang, setCookie } = await langs.requestLang(visit('/ventes?lang=en', site ? { 'Sec-Fetch-Site': site } : {}))
      assert.equal(lang, 'en')
      assert.match(setCookie ?? '', /^lang=.*Max-Age=31536000.*HttpOnly.*Secure.*SameSite=Lax/i, `Sec-Fetch-Site: ${site}`)
    }
  })

  test('from a link on another site: that page is shown in it, nothing is remembered', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const { lang, setCookie } = await langs.requestLang(visit('/ventes?lang=en', { 'Sec-Fetch-Site': site }))
      assert.equal(lang, 'en')
      assert.equal(setCookie, null, `Sec-Fetch-Site: ${site}`)
    }
  })

  test('the language already remembered is not set again; without ?lang= the cookie decides', async () => {
    const remembered = (await langs.requestLang(visit('/?lang=en')))!.setCookie!.split(';')[0]!
    assert.deepEqual(await langs.requestLang(visit('/?lang=en', { Cookie: remembered })), { lang: 'en', setCookie: null })
    assert.deepEqual(await langs.requestLang(visit('/', { Cookie: remembered })), { lang: 'en', setCookie: null })
  })
})
