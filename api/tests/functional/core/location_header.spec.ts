import { test } from '@japa/runner'
import type { ApiClient, ApiResponse } from '@japa/api-client'
import type { Assert } from '@japa/assert'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { signedIn } from '#tests/helpers/actors'
import { THREE_LINE_BASKET } from '#tests/helpers/pos'

/*
 * HTTP's 201 Created names the new resource in Location. An integrator
 * follows it rather than rebuilding the URL from the body's id; every 201
 * of a resource that has its own read route must carry it, and the URL
 * must read that very resource back.
 */
async function assertLocation(assert: Assert, client: ApiClient, token: string, response: ApiResponse, path: string) {
  response.assertStatus(201)
  const id = response.body().id as number
  const location = response.header('location')
  assert.equal(location, `/api/v1/${path}/${id}`)
  const readBack = await client.get(location!).header('authorization', `Bearer ${token}`)
  readBack.assertStatus(200)
  assert.equal(readBack.body().id, id)
}

test.group('Location header on 201 Created', (group) => {
  const actors = eachTestRolledBack(group, async () => ({ admin: await signedIn('admin') }))

  test('catalog, stores, registers and users name their new resource', async ({ client, assert }) => {
    const { token } = actors.admin
    const post = (url: string, body: object) => client.post(url).header('authorization', `Bearer ${token}`).json(body)

    const category = await post('/api/v1/categories', { nom: 'Surgelés Location' })
    await assertLocation(assert, client, token, category, 'categories')

    const product = await post('/api/v1/products', { nom: 'Glace', prix: '4.50', categorie_id: category.body().id })
    await assertLocation(assert, client, token, product, 'products')

    const store = await post('/api/v1/stores', { nom: 'Magasin Location' })
    await assertLocation(assert, client, token, store, 'stores')

    const register = await post(`/api/v1/stores/${store.body().id}/registers`, {})
    await assertLocation(assert, client, token, register, 'registers')

    const user = await post('/api/v1/users', {
      nom_utilisateur: 'location.test',
      email: 'location.test@example.test',
      nom_complet: 'Location Test',
      role: 'manager',
      mot_de_passe: 'a-long-enough-password',
    })
    await assertLocation(assert, client, token, user, 'users')
  })

  test('sessions, sales, returns, cancellations and replenishments name theirs; a replay has none', async ({ client, assert }) => {
    const { token } = actors.admin
    const post = (url: string, body: object) => client.post(url).header('authorization', `Bearer ${token}`).json(body)

    const register = await post('/api/v1/stores/1/registers', {})
    const session = await post(`/api/v1/registers/${register.body().id}/sessions`, { fond_de_caisse: '100.00' })
    await assertLocation(assert, client, token, session, 'register-sessions')

    const saleBody = {
      caisse_id: register.body().id,
      lignes: THREE_LINE_BASKET,
      paiements: [{ mode: 'especes', montant: '10.00' }],
    }
    const sell = () => post('/api/v1/sales', saleBody).header('idempotency-key', 'location-sale-0001')
    const sale = await sell()
    await assertLocation(assert, client, token, sale, 'sales')
    const replay = await sell()
    replay.assertStatus(200)
    assert.equal(replay.header('idempotent-replayed'), 'true')
    assert.isUndefined(replay.header('location'))

    const line = sale.body().lignes[0]
    const partial = await post(`/api/v1/sales/${sale.body().id}/returns`, {
      lignes: [{ ligne_id: line.id, quantite: 1 }],
      motif: 'Abîmé',
    })
    await assertLocation(assert, client, token, partial, 'returns')

    const other = await post('/api/v1/sales', saleBody)
    const cancellation = await post(`/api/v1/sales/${other.body().id}/cancel`, { motif: 'Erreur de caisse' })
    await assertLocation(assert, client, token, cancellation, 'returns')

    const replenishment = await post('/api/v1/replenishments', { magasin_id: 1, produit_id: 1, quantite: 5 })
    await assertLocation(assert, client, token, replenishment, 'replenishments')
  })
})
