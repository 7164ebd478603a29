/* Preloaded with the app: keeps the cache honest across Redis outages. */
import { watchRedisRecovery } from '#core/cache_recovery'
import { trackCacheEvents } from '#core/cache'

trackCacheEvents()
await watchRedisRecovery()
