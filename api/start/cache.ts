/* Preloaded with the app: keeps the cache honest across Redis outages. */
import { watchRedisRecovery } from '#core/cache_recovery'

await watchRedisRecovery()
