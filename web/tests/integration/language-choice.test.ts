// The language chosen with ?lang= is kept: a clerk's front door (`/`) sends
// them to their store's registers, and that redirect used to drop the choice
// (the root's Set-Cookie does not travel with a loader's redirect), so
// /?lang=en showed the registers in French. Plain HTTP.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { baseUrl, signedInAs } from './browserless.ts'

if (baseUrl) {
  describe('the language asked for in the URL', () => {
    test('a clerk opening /?lang=en lands on the registers in English, and stays in English', async () => {
      const clerk = await signedInAs('caissier1')
      const front = await clerk.fetch('/?lang=en')
      assert.equal(front.status, 302)
      const location = front.headers.get('Location') ?? ''
      assert.match(location, /^\/magasins\/\d+\/caisses\?lang=en$/)
      const registers = await clerk.fetch(location)
      assert.equal(registers.status, 200)
      assert.match(await registers.text(), /<html lang="en-CA"/)
      // Remembered: the next page, without ?lang, is in English too.
      const stock = await clerk.fetch(location.replace(/caisses\?lang=en$/, 'stock'))
      assert.match(await stock.text(), /<html lang="en-CA"/)
    })

    test('a link on another site shows its page in the language it names, but does not change the one remembered', async () => {
      const clerk = await signedInAs('caissier1')
      const front = await clerk.fetch('/?lang=en', { headers: { 'Sec-Fetch-Site': 'cross-site' } })
      const location = front.headers.get('Location') ?? ''
      const registers = await clerk.fetch(location, { headers: { 'Sec-Fetch-Site': 'cross-site' } })
      assert.match(await registers.text(), /<html lang="en-CA"/)
      assert.doesNotMatch(registers.headers.get('Set-Cookie') ?? '', /(^|, )lang=/)
      const stock = await clerk.fetch(location.replace(/caisses\?lang=en$/, 'stock'))
      assert.match(await stock.text(), /<html lang="fr-CA"/)
    })

    test('without ?lang the redirect adds nothing', async () => {
      const clerk = await signedInAs('caissier1')
      const front = await clerk.fetch('/')
      assert.equal(front.status, 302)
      assert.match(front.headers.get('Location') ?? '', /^\/magasins\/\d+\/caisses$/)
    })
  })
}
