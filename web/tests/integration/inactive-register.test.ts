// A store with an inactive register (POST /stores/{id}/registers with
// actif: false). The API refuses to look for such a register's drawer
// session (422, "register is inactive"), and the store's registers page used
// to ask anyway: a 502 for the whole store. Plain HTTP, signed in as the manager.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { before, describe, test } from 'node:test'

import { baseUrl, credentialsFile, signedInAs } from './browserless.ts'

const STORE = 3
const apiBase = process.env.API_BASE_URL?.replace(/\/+$/, '')

if (baseUrl) {
  describe('a store with an inactive register', () => {
    let register: { id: number; nom: string }

    before(async () => {
      assert.ok(apiBase && credentialsFile, 'API_BASE_URL and E2E_CREDENTIALS are set')
      const { apiToken } = JSON.parse(readFileSync(credentialsFile, 'utf8')) as { apiToken: string }
      const response = await fetch(`${apiBase}/api/v1/stores/${STORE}/registers`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${apiToken}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ nom: `Inactive ${Date.now().toString(36)}`, actif: false }),
      })
      assert.equal(response.status, 201, await response.clone().text())
      register = (await response.json()) as { id: number; nom: string }
    })

    test('the registers page shows it as inactive, with no link to sell at it', async () => {
      const client = await signedInAs('gerant')
      const response = await client.fetch(`/magasins/${STORE}/caisses`)
      assert.equal(response.status, 200)
      const html = await response.text()
      const card = html.slice(html.indexOf(`data-testid="register-${register.id}"`))
      assert.ok(card.includes(register.nom), 'the register is listed')
      assert.match(card.slice(0, card.indexOf('</article>')), /Désactivée/)
      assert.ok(!html.includes(`/caisses/${register.id}/vente`))
    })

    test('its POS is not found; its closing page and returns still answer, and link to the store, not to that 404', async () => {
      const client = await signedInAs('gerant')
      assert.equal((await client.fetch(`/caisses/${register.id}/vente`)).status, 404)
      for (const page of ['fermeture', 'retours']) {
        const response = await client.fetch(`/caisses/${register.id}/${page}`)
        assert.equal(response.status, 200, page)
        const html = await response.text()
        assert.ok(!html.includes(`href="/caisses/${register.id}/vente"`), `${page}: no link to the POS`)
        assert.ok(html.includes(`href="/magasins/${STORE}/caisses"`), `${page}: a link to the store's registers`)
        assert.match(html, /Retour aux caisses/, page)
      }
    })
  })
}
