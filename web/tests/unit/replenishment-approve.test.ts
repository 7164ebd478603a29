import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'

import { createApiClient, type ApiClient } from '../../app/lib/api/client.server.ts'
import { translator } from '../../app/lib/i18n/index.ts'

// The session module reads its secret from the environment, as in production.
process.env.SESSION_SECRET = 'un-secret-de-session-pour-les-tests-unitaires-0003'
process.env.NODE_ENV = 'production'

let sessions: typeof import('../../app/lib/auth/session.server.ts')
let replenishments: typeof import('../../app/lib/replenishments.server.ts')

// A real HTTP server stands in for the API and records what Approve sends.
let server: Server
let api: ApiClient
const received: { url: string; body: unknown }[] = []
const request = { id: 41, quantite: 5, statut: 'approuvee', produit: { id: 7, nom: 'Savon' }, magasin: { id: 3, nom: 'Magasin 3' } }

before(async () => {
  sessions = await import('../../app/lib/auth/session.server.ts')
  replenishments = await import('../../app/lib/replenishments.server.ts')
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      received.push({ url: req.url ?? '', body: body ? JSON.parse(body) : undefined })
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(request))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  api = createApiClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: 't', requestId: 'test' })
})

after(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** What a row posts when Valider is pressed: the quantity form, with Valider's intent (typed: the field, if any). */
async function approve(typed: string | undefined) {
  const form = new FormData()
  form.set('intent', 'approve')
  form.set('demande_id', '41')
  form.set('quantite_vue', '5')
  if (typed !== undefined) form.set('quantite', typed)
  const session = await sessions.getSession(new Request('http://web.test/'))
  received.length = 0
  return replenishments.runTransition({ api, session, form, t: translator('fr') }, '/reapprovisionnements')
}

describe('Valider beside a quantity typed but not saved', () => {
  for (const typed of ['9', '', '  ', 'abc', '5.5']) {
    test(`« ${typed} » typed over 5: refused on the field with what was typed, nothing sent to the API`, async () => {
      const answer = await approve(typed)
      assert.ok(!(answer instanceof Response), 'a refusal, not a redirect')
      assert.equal(answer.init?.status, 422)
      assert.deepEqual(answer.data, {
        intent: 'change-quantity',
        requestId: 41,
        values: { quantite: typed.trim() },
        fieldErrors: { quantite: { key: 'replenishments.unsavedQuantity', params: { quantity: '5' } } },
      })
      assert.equal(received.length, 0)
    })
  }

  for (const typed of ['5', ' 5 ', '05', undefined]) {
    test(`${typed === undefined ? 'no field (the request’s own page once approved elsewhere)' : `« ${typed} »`}: approves the 5 the page showed`, async () => {
      const answer = await approve(typed)
      assert.ok(answer instanceof Response)
      assert.equal(answer.status, 302)
      assert.deepEqual(received, [{ url: '/api/v1/replenishments/41/approve', body: { quantite: 5 } }])
    })
  }
})
