import { test } from '@japa/runner'
import { issueToken } from '#access/services/token_service'
import { cacheCounts, clearCache } from '#core/cache'
import { resetDatabase } from '#tests/helpers/database'

/*
 * /cache/stats and the cache metrics count the application's reads only:
 * bentocache's own tag markers, read on every lookup, are not hits.
 */
test.group('Cache: hits and misses are counted once per read', (group) => {
  let token: string

  group.setup(async () => {
    token = (await issueToken({ name: 'cache-stats', scopes: ['read', 'write', 'admin'] })).token
    return () => resetDatabase()
  })

  test('two cached reads are two hits each (the token and the product), a write makes the next read a miss', async ({ client, assert }) => {
    await clearCache()
    const read = () => client.get('/api/v1/products/7').header('x-api-token', token)
    ;(await read()).assertStatus(200)
    const warm = cacheCounts()

    ;(await read()).assertStatus(200)
    ;(await read()).assertStatus(200)
    const afterHits = cacheCounts()
    assert.deepEqual(
      { l1: afterHits.l1Hits - warm.l1Hits, l2: afterHits.l2Hits - warm.l2Hits, misses: afterHits.misses - warm.misses },
      { l1: 4, l2: 0, misses: 0 }
    )

    ;(await client.patch('/api/v1/products/7').header('x-api-token', token).json({ description: 'Compté' })).assertStatus(200)
    const beforeMiss = cacheCounts()
    ;(await read()).assertStatus(200)
    const afterMiss = cacheCounts()
    assert.equal(afterMiss.misses - beforeMiss.misses, 1, 'the product, invalidated by the write')
  })

  test('/cache/stats reports the keys the application cached, not the tag markers', async ({ client, assert }) => {
    await clearCache()
    ;(await client.get('/api/v1/products/7').header('x-api-token', token)).assertStatus(200)
    ;(await client.get('/api/v1/stores/1').header('x-api-token', token)).assertStatus(200)
    const stats = await client.get('/api/v1/cache/stats').header('x-api-token', token)
    stats.assertStatus(200)
    assert.equal(cacheCounts().keys, 3, 'the token, the product and the store')
  })
})
