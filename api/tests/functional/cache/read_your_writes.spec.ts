import { test } from '@japa/runner'
import emitter from '@adonisjs/core/services/emitter'
import { issueToken } from '#access/services/token_service'
import { cached, clearCache, flushPendingInvalidations, invalidateSoon, invalidateTags, Tags } from '#core/cache'
import { resetDatabase } from '#tests/helpers/database'

/*
 * One instance, real commits: what a client wrote is what it reads next,
 * and a value computed from rows older than a write never outlives it.
 */
test.group('Cache: a client reads its own writes', (group) => {
  let token: string

  group.setup(async () => {
    token = (await issueToken({ name: 'read-your-writes', scopes: ['read', 'write', 'admin', 'reports'] })).token
    return () => resetDatabase()
  })
  group.each.setup(async () => {
    await clearCache()
  })

  test('two edits of a product in quick succession: each read right after an edit shows that edit', async ({ client, assert }) => {
    const read = async () => (await client.get('/api/v1/products/3').header('x-api-token', token)).body()
    await read()
    for (const [index, nom] of ['Beurre doux', 'Beurre salé', 'Beurre demi-sel', 'Beurre fermier'].entries()) {
      const patched = await client.patch('/api/v1/products/3').header('x-api-token', token).json({ nom, actif: index % 2 === 0 })
      patched.assertStatus(200)
      // Within the 200 ms in which sales' invalidations are folded together: edits are not.
      const after = await read()
      assert.deepEqual([after.nom, after.actif], [nom, index % 2 === 0], `read right after edit ${index + 1}`)
    }
  })

  test('a cached report names a product by its new name right after the product is renamed', async ({ client, assert }) => {
    type Row = { product_id: number; product_name: string }
    const nameInReport = async () => {
      const response = await client.get('/api/v1/reports/top-products?limit=50').header('x-api-token', token)
      response.assertStatus(200)
      return (response.body() as Row[]).find((row) => row.product_id === 4)?.product_name
    }
    assert.isDefined(await nameInReport(), 'unsold products are listed (last)')
    ;(await client.patch('/api/v1/products/4').header('x-api-token', token).json({ nom: 'Fromage affiné' })).assertStatus(200)
    assert.equal(await nameInReport(), 'Fromage affiné')
  })

  test('a store renamed twice in a row is read back renamed each time', async ({ client, assert }) => {
    for (const nom of ['Magasin Centre-Ville', 'Magasin du Centre']) {
      ;(await client.patch('/api/v1/stores/1').header('x-api-token', token).json({ nom })).assertStatus(200)
      assert.equal((await client.get('/api/v1/stores/1').header('x-api-token', token)).body().nom, nom)
    }
  })
})

test.group('Cache: values computed across an invalidation', (group) => {
  group.each.setup(async () => {
    await clearCache()
  })

  test('a value whose factory ran while its tag was invalidated is not kept', async ({ assert }) => {
    const first = await readAcrossAnInvalidation('race:slow', 'race')
    assert.deepEqual(first, { version: 1 }, 'the reader that started first gets what it read')
    const next = await cached('race:slow', { ttl: '1m', tags: ['race'] }, async () => ({ version: 2 }))
    assert.deepEqual(next, { version: 2 }, 'the next reader does not get the value computed before the write')
  })

  test('a value read across a write is never stored, not even for a moment', async ({ assert }) => {
    const written: string[] = []
    const onWritten = (event: { key: string }) => written.push(event.key)
    emitter.on('cache:written' as never, onWritten as never)
    await readAcrossAnInvalidation('race:never-stored', 'never')
    emitter.off('cache:written' as never, onWritten as never)
    assert.notInclude(written, 'race:never-stored')
  })

  test('a read made while a write invalidates a value is not kept in memory afterwards', async ({ assert }) => {
    let version = 1
    const read = () => cached('reports:concurrent', { ttl: '1m', tags: [Tags.reports] }, async () => ({ version }))
    assert.deepEqual(await read(), { version: 1 })
    // A catalogue write drops the reports too; a report is read while that is on its way.
    version = 2
    const invalidation = invalidateTags([Tags.catalog])
    await read()
    await invalidation
    assert.deepEqual(await read(), { version: 2 })
  })

  test('sales fold their invalidations per 200 ms; at shutdown the folded ones are sent, not dropped', async ({ assert }) => {
    let version = 1
    const read = () => cached('fold:stock', { ttl: '1m', tags: ['stock:fold'] }, async () => ({ version }))
    invalidateSoon(['stock:fold'])
    await new Promise((resolve) => setTimeout(resolve, 20))
    assert.deepEqual(await read(), { version: 1 })
    // A second sale within the window: folded into one invalidation at the window's end.
    version = 2
    invalidateSoon(['stock:fold'])
    assert.deepEqual(await read(), { version: 1 }, 'up to 200 ms behind, as documented')
    await flushPendingInvalidations()
    assert.deepEqual(await read(), { version: 2 })
  })

  test('at shutdown, an invalidation already under way finishes before Redis is closed', async ({ assert }) => {
    let finished = false
    // As after a transaction's commit: started, not awaited (ace bench:prepare then ends at once).
    void invalidateTags(['stock:shutdown']).then(() => (finished = true))
    await flushPendingInvalidations()
    assert.isTrue(finished)
  })

  test('without an invalidation in between, the value is kept', async ({ assert }) => {
    await cached('race:calm', { ttl: '1m', tags: ['calm'] }, async () => ({ version: 1 }))
    const next = await cached('race:calm', { ttl: '1m', tags: ['calm'] }, async () => ({ version: 2 }))
    assert.deepEqual(next, { version: 1 })
  })

  test('values read recently are served from memory until one of their tags is invalidated', async ({ assert }) => {
    let runs = 0
    const read = () => cached('front:tagged', { ttl: '1m', tags: ['front'] }, async () => ({ run: ++runs }))
    assert.deepEqual([await read(), await read(), await read()], [{ run: 1 }, { run: 1 }, { run: 1 }])
    await invalidateTags(['front'])
    assert.deepEqual([await read(), await read()], [{ run: 2 }, { run: 2 }])
    await clearCache()
    assert.deepEqual(await read(), { run: 3 })
    // Invalidations heard from other instances: "a write on instance A is read back on instance B" (coherence.spec).
  })

  test('an invalidation heard on the bus just after a value was stored drops that value', async ({ assert }) => {
    await cached('race:remote', { ttl: '1m', tags: ['remote'] }, async () => ({ version: 1 }))
    // What bentocache emits when another instance's tag invalidation arrives.
    emitter.emit('bus:message:received' as never, { message: { keys: ['___bc:t:remote'], type: 'set' } } as never)
    let next: unknown
    for (let attempt = 0; attempt < 50; attempt++) {
      next = await cached('race:remote', { ttl: '1m', tags: ['remote'] }, async () => ({ version: 2 }))
      if ((next as { version: number }).version === 2) break
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    assert.deepEqual(next, { version: 2 })
  })

  test('a reader cannot change what the next reader gets (values are shared, frozen)', async ({ assert }) => {
    const first = await cached('race:copies', { ttl: '1m', tags: ['copies'] }, async () => ({ lines: [{ qty: 1 }] }))
    assert.throws(() => {
      first.lines[0].qty = 99
    }, /read only/)
    const again = await cached('race:copies', { ttl: '1m', tags: ['copies'] }, async () => ({ lines: [{ qty: 2 }] }))
    assert.equal(again.lines[0].qty, 1)
  })

  test('the first reader gets the value as later readers will (dates as JSON strings)', async ({ assert }) => {
    const at = new Date('2026-01-02T03:04:05.000Z')
    const first = await cached('race:shape', { ttl: '1m', tags: ['shape'] }, async () => ({ at }))
    const again = await cached('race:shape', { ttl: '1m', tags: ['shape'] }, async () => ({ at }))
    assert.deepEqual(first, again)
    assert.equal(first.at as unknown, '2026-01-02T03:04:05.000Z')
  })
})

/** A factory that read the old rows, then a write invalidated its tag before the value came back. */
async function readAcrossAnInvalidation(key: string, tag: string) {
  let release!: () => void
  let factoryStarted!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  const started = new Promise<void>((resolve) => (factoryStarted = resolve))
  const inFlight = cached(key, { ttl: '1m', tags: [tag] }, async () => {
    factoryStarted()
    await gate
    return { version: 1 }
  })
  // Invalidate only once the factory is surely running: a timer here raced it on a loaded machine.
  await started
  await invalidateTags([tag])
  release()
  return inFlight
}
