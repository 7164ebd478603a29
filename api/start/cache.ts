/* Preloaded with the app: keeps the cache honest across Redis outages. */
import app from '@adonisjs/core/services/app'
import { watchRedisRecovery } from '#core/cache_recovery'
import { flushPendingInvalidations, trackCacheEvents } from '#core/cache'

trackCacheEvents()
await watchRedisRecovery()
app.terminating(() => flushPendingInvalidations())
