/* Preloaded with the app: keeps the cache honest across Redis outages. */
import app from '@adonisjs/core/services/app'
import { watchRedisRecovery } from '#core/cache_recovery'
import { cancelPendingInvalidations } from '#core/cache'

await watchRedisRecovery()
app.terminating(() => cancelPendingInvalidations())
