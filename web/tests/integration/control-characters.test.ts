// A NUL (or another control character) typed or pasted in the POS scan field,
// posted without JavaScript: the web refuses it with its own message, in the
// user's language, instead of passing it on to the API (which refuses the
// whole request: PostgreSQL cannot hold a NUL). Plain HTTP, signed in as the
// admin, who may work at every register.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { baseUrl, signedInAs } from './browserless.ts'

if (baseUrl) {
  describe('control characters posted in the POS scan field', () => {
    for (const [lang, expected] of [
      ['fr', 'Caractères invisibles (caractères de contrôle) refusés'],
      ['en', 'Invisible (control) characters are refused'],
    ] as const) {
      test(`a NUL is refused by the web with a readable message (${lang})`, async () => {
        const client = await signedInAs('admin')
        const csrf = await client.csrf('/caisses/1/vente')
        for (const q of ['ALI\u0000001', 'ALI001\u0007', 'ALI\u001b001']) {
          const response = await client.fetch(`/caisses/1/vente?lang=${lang}`, {
            method: 'POST',
            body: new URLSearchParams({ csrf, intent: 'scan', q }),
          })
          // Refused without JavaScript: a redirect to the register (post/redirect/get), which shows the refusal once.
          assert.equal(response.status, 302, JSON.stringify(q))
          assert.equal(response.headers.get('location'), '/caisses/1/vente')
          const html = await (await client.fetch(`/caisses/1/vente?lang=${lang}`)).text()
          const message = /<div id="pos-scan-error"[^>]*>([^<]*)/.exec(html)?.[1] ?? ''
          assert.ok(message.includes(expected), `${JSON.stringify(q)}: ${message || 'no message under the scan field'}`)
          assert.match(html, /id="pos-scan"[^>]*aria-invalid="true"/, 'the field is marked invalid')
          // What was entered is named, its invisible characters shown as such, never sent back raw.
          assert.ok(!['\u0000', '\u0007', '\u001b'].some((char) => html.includes(char)), 'no control character in the page')
          assert.match(html, /Saisi : « ALI.*001|Entered: “ALI.*001/)
        }
      })
    }
  })
}
