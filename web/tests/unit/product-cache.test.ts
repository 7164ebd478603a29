import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'

import { createApiClient, type ApiClient } from '../../app/lib/api/client.server.ts'
import { deleteProduct, setProductActive, updateProduct } from '../../app/lib/catalog/products.server.ts'
import { parseProduct } from '../../app/lib/forms/catalog.ts'
import { productsById } from '../../app/lib/pos/products.server.ts'

// A real HTTP server stands in for the API and applies the writes, so the cart's
// cached copy and the API's product can be compared after each management edit.
let server: Server
let api: ApiClient
let product: Record<string, unknown> | null = null

before(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      if (req.method === 'PATCH' && product) product = { ...product, ...JSON.parse(body) }
      if (req.method === 'DELETE') {
        product = null
        res.writeHead(204)
        return res.end()
      }
      res.writeHead(product ? 200 : 404, { 'content-type': 'application/json' })
      res.end(JSON.stringify(product ?? { timestamp: '', status: 404, error: 'Not Found', message: 'gone', path: req.url, error_code: 'NOT_FOUND', details: null }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  api = createApiClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: 't', requestId: 'test' })
})

after(() => new Promise<void>((resolve) => server.close(() => resolve())))

async function inCart() {
  const [cached] = await productsById(api, [5])
  return cached
}

describe('a product edited on the management pages is at its new state in the cart at once', () => {
  test('a new price, a deactivation, a deletion', async () => {
    product = { id: 5, code: 'BOI006', nom: 'Jus', description: null, prix: '3.49', quantite_stock: 0, categorie_id: 2, code_barre: null, actif: true }
    assert.equal((await inCart())?.unitPriceCents, 349, 'read once: now cached')

    const edit = parseProduct({ code: 'BOI006', nom: 'Jus', categorie_id: '2', prix: '4,25' }, { creating: false })
    assert.ok(edit.ok)
    await updateProduct(api, 5, edit.value, ['prix'])
    assert.equal((await inCart())?.unitPriceCents, 425)

    await setProductActive(api, 5, false)
    assert.equal((await inCart())?.active, false)

    await deleteProduct(api, 5)
    assert.equal(await inCart(), null)
  })
})
