import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'

import { createApiClient } from '../../app/lib/api/client.server.ts'
import { overrideFrom } from '../../app/lib/pos/manager-override.ts'
import { authoriseManager, type OverrideClients } from '../../app/lib/pos/manager-override.server.ts'

// A real HTTP server stands in for the API: who signs in, with what, and which tokens are signed out.
const accounts: Record<string, { password: string; role: string; mustChange?: boolean; name: string }> = {
  gerant: { password: 'bon-mot-de-passe', role: 'manager', name: 'Gérante Principale' },
  admin: { password: 'mot-admin-0001', role: 'admin', name: 'Administratrice' },
  caissier1: { password: 'mot-caissier-01', role: 'clerk', name: 'Caissier Un' },
  nouveau: { password: 'mot-provisoire-1', role: 'manager', mustChange: true, name: 'Nouveau Gérant' },
}
let server: Server
let clients: OverrideClients
const loggedOut: string[] = []
let tooMany = false

before(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      const answer = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(payload))
      }
      if (req.url === '/api/v1/auth/login') {
        if (tooMany) return answer(429, { status: 429, error_code: 'TOO_MANY_REQUESTS', message: 'Too many', details: { retry_after: 60 } })
        const { identifiant, mot_de_passe } = JSON.parse(body) as { identifiant: string; mot_de_passe: string }
        const account = accounts[identifiant]
        if (!account || account.password !== mot_de_passe) return answer(401, { status: 401, error_code: 'UNAUTHORIZED', message: 'Invalid credentials' })
        return answer(200, {
          token: `token-of-${identifiant}`,
          expire_le: '2030-01-01T00:00:00.000Z',
          utilisateur: { id: 1, nom_utilisateur: identifiant, nom_complet: account.name, role: account.role, magasin_id: null, email: `${identifiant}@x.test`, doit_changer_mot_de_passe: account.mustChange ?? false },
        })
      }
      if (req.url === '/api/v1/auth/logout') {
        loggedOut.push(String(req.headers.authorization))
        return answer(204, null)
      }
      answer(200, { seenWith: req.headers.authorization })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  clients = { anonymous: createApiClient({ baseUrl, requestId: 'test' }), withToken: (token) => createApiClient({ baseUrl, token, requestId: 'test' }) }
})

after(() => new Promise<void>((resolve) => server.close(() => resolve())))

function form(fields: Record<string, string>) {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) data.set(name, value)
  return data
}

describe('the fields of a manager’s authorisation', () => {
  test('a form that does not ask for one has none; one that asks refuses empty fields', () => {
    assert.deepEqual(overrideFrom(form({ gerant_identifiant: 'gerant' })), { kind: 'none' })
    assert.deepEqual(overrideFrom(form({ autorisation: 'gerant', gerant_identifiant: '  ', gerant_mot_de_passe: '' })), {
      kind: 'incomplete',
      errors: { gerant_identifiant: { key: 'override.usernameRequired' }, gerant_mot_de_passe: { key: 'override.passwordRequired' } },
    })
    assert.deepEqual(overrideFrom(form({ autorisation: 'gerant', gerant_identifiant: ' gerant ', gerant_mot_de_passe: ' a b ' })), {
      kind: 'asked',
      username: 'gerant',
      password: ' a b ',
    })
  })
})

describe('a manager signed in for one action', () => {
  test('a manager (or an administrator) gets a client with their own token, signed out when done', async () => {
    for (const username of ['gerant', 'admin']) {
      loggedOut.length = 0
      const granted = await authoriseManager(clients, { username, password: accounts[username]!.password })
      assert.ok(granted.ok)
      assert.equal(granted.managerName, accounts[username]!.name)
      const seen = (await granted.api.GET('/api/v1/sales/{id}', { params: { path: { id: 1 } } })).data as unknown as { seenWith: string }
      assert.equal(seen.seenWith, `Bearer token-of-${username}`)
      assert.deepEqual(loggedOut, [], 'still signed in while the action runs')
      await granted.signOut()
      assert.deepEqual(loggedOut, [`Bearer token-of-${username}`])
    }
  })

  test('a wrong password is refused on the password field, and no one was signed in', async () => {
    loggedOut.length = 0
    const refused = await authoriseManager(clients, { username: 'gerant', password: 'faux' })
    assert.deepEqual(refused, { ok: false, status: 422, fieldErrors: { gerant_mot_de_passe: { key: 'override.invalid' } } })
  })

  test('a clerk’s account, or a manager who must first choose a password, is refused and signed out at once', async () => {
    for (const [username, key] of [
      ['caissier1', 'override.notManager'],
      ['nouveau', 'override.mustChangePassword'],
    ] as const) {
      loggedOut.length = 0
      const refused = await authoriseManager(clients, { username, password: accounts[username]!.password })
      assert.deepEqual(refused, { ok: false, status: 403, fieldErrors: { gerant_identifiant: { key } } })
      assert.deepEqual(loggedOut, [`Bearer token-of-${username}`])
    }
  })

  test('too many attempts: the sign-in limits’ own message', async () => {
    tooMany = true
    try {
      const refused = await authoriseManager(clients, { username: 'gerant', password: 'bon-mot-de-passe' })
      assert.equal(refused.ok, false)
      assert.ok(!refused.ok && refused.status === 429 && refused.error)
    } finally {
      tooMany = false
    }
  })
})
