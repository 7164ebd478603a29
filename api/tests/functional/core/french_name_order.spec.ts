import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { orderBySort } from '#core/pagination'
import { eachTestRolledBack } from '#tests/helpers/rolled_back'
import { tokenWith } from '#tests/helpers/tokens'

/*
 * Lists sorted by name read in French order: accented and lower-case
 * initials among their letters ("Éclair" after "banane", before "Zèbre"),
 * where a byte order put them all after "Z" (drop-downs and lists looked
 * unsorted to a French reader). Codes keep their plain order.
 */
test.group('names sort in French order', (group) => {
  const tokens = eachTestRolledBack(group, async () => ({ reader: await tokenWith(['read']), writer: await tokenWith(['read', 'write']) }))

  const NAMES = ['Zèbre ordre', 'écolo ordre', 'Abricot ordre', 'Éclair ordre', 'banane ordre']
  const FRENCH_ORDER = ['Abricot ordre', 'banane ordre', 'Éclair ordre', 'écolo ordre', 'Zèbre ordre']

  test('categories and products, ascending and descending', async ({ client, assert }) => {
    let categoryId = 0
    for (const nom of NAMES) {
      const category = await client.post('/api/v1/categories').json({ nom }).header('x-api-token', tokens.writer)
      category.assertStatus(201)
      categoryId = category.body().id
      const product = await client.post('/api/v1/products').json({ nom, prix: '1.00', categorie_id: categoryId }).header('x-api-token', tokens.writer)
      product.assertStatus(201)
    }
    const names = async (path: string, sort: string) => {
      const response = await client.get(path).qs({ search: 'ordre', sort, size: 100 }).header('x-api-token', tokens.reader)
      response.assertStatus(200)
      return response.body().items.map((item: { nom: string }) => item.nom)
    }
    assert.deepEqual(await names('/api/v1/categories', 'nom,asc'), FRENCH_ORDER)
    assert.deepEqual(await names('/api/v1/products', 'nom,asc'), FRENCH_ORDER)
    assert.deepEqual(await names('/api/v1/products', 'nom,desc'), [...FRENCH_ORDER].reverse())
    // A store's stock (the POS quick picks and search) sorts its product names the same way.
    assert.deepEqual(await names('/api/v1/stores/1/stock', 'nom,asc'), FRENCH_ORDER)
  })
})

test.group('products sorted by name read an index', () => {
  test('the order the product list asks for (French name, then id) is the order of products_name_fr_idx, both ways', async ({ assert }) => {
    for (const direction of ['asc', 'desc'] as const) {
      // As paginate() orders a page: the column asked for, then the tie-breaker.
      const page = orderBySort(db.from('products').select('id', 'name'), { column: 'products.name', direction })
        .orderBy('products.id', 'asc')
        .limit(25)
      const plan = await db.transaction(async (trx) => {
        // On a catalogue this small a sequential scan wins; forbid it and sorting to see whether the index can serve.
        await trx.rawQuery('SET LOCAL enable_seqscan = off')
        await trx.rawQuery('SET LOCAL enable_sort = off')
        const explained = await trx.rawQuery(`EXPLAIN ${page.toQuery()}`)
        return explained.rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n')
      })
      assert.include(plan, 'products_name_fr_idx', plan)
      // No sort of the whole table: descending, only ties of a name are put in id order (Incremental Sort).
      assert.notMatch(plan, /(^|->\s+)Sort \(/m, plan)
    }
  })
})

