/*
 * The original README's API examples (its "Exemples d'utilisation"),
 * translated only in the token, against the production build that
 * `make test` starts (API_BASE_URL, dev credentials in COMPTOIR_DATA_DIR).
 * They must keep working for existing integrators.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const base = process.env.API_BASE_URL
const dataDir = process.env.COMPTOIR_DATA_DIR
if (!base || !dataDir) throw new Error('API_BASE_URL and COMPTOIR_DATA_DIR must point at a running, seeded API')
const { apiToken } = JSON.parse(readFileSync(join(dataDir, 'dev-credentials.json'), 'utf8'))

// The README's headers: `Authorization: Bearer your-api-token` and JSON.
const headers = { Authorization: `Bearer ${apiToken}`, 'Content-Type': 'application/json' }

test('Créer un produit (the README sends no code: one is generated)', async () => {
  const response = await fetch(`${base}/api/v1/products`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ nom: 'Nouveau Produit', prix: 29.99, categorie_id: 1, description: 'Description du produit' }),
  })
  assert.equal(response.status, 201)
  const product = await response.json()
  assert.equal(product.nom, 'Nouveau Produit')
  assert.equal(product.prix, '29.99')
  assert.match(product.code, /^ALI\d{3}$/)
})

test('Lister les produits avec filtres (categorie_id, prix_min, prix_max, limit)', async () => {
  const params = new URLSearchParams({ categorie_id: '1', prix_min: '10.0', prix_max: '50.0', limit: '20' })
  const response = await fetch(`${base}/api/v1/products?${params}`, { headers })
  assert.equal(response.status, 200)
  const page = await response.json()
  assert.ok(page.items.length >= 1)
  for (const product of page.items) {
    assert.equal(product.categorie_id, 1)
    assert.ok(Number(product.prix) >= 10 && Number(product.prix) <= 50)
  }
})

test("Obtenir les détails d'un magasin", async () => {
  const response = await fetch(`${base}/api/v1/stores/1`, { headers })
  assert.equal(response.status, 200)
  assert.equal((await response.json()).nom, 'Magasin Centre-Ville')
})

test("Consulter le stock d'un magasin", async () => {
  const response = await fetch(`${base}/api/v1/stores/1/stock`, { headers })
  assert.equal(response.status, 200)
  const page = await response.json()
  assert.ok(page.total >= 13)
  assert.ok(page.items.every((item) => typeof item.quantite === 'number' && typeof item.statut === 'string'))
})

test('Générer un rapport de ventes (date_debut, date_fin, magasin_id)', async () => {
  const params = new URLSearchParams({ date_debut: '2024-01-01', date_fin: '2024-12-31', magasin_id: '1' })
  const response = await fetch(`${base}/api/v1/reports/sales?${params}`, { headers })
  assert.equal(response.status, 200)
  const report = await response.json()
  assert.equal(typeof report, 'object')
})

test('The original header X-API-Token still works, and no token is a 401 envelope', async () => {
  const ok = await fetch(`${base}/api/v1/stores`, { headers: { 'X-API-Token': apiToken } })
  assert.equal(ok.status, 200)
  const refused = await fetch(`${base}/api/v1/stores`)
  assert.equal(refused.status, 401)
  assert.equal((await refused.json()).error_code, 'AUTHENTICATION_ERROR')
})
