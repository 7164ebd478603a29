import { defineConfig, stores } from '@adonisjs/limiter'

/*
 * Login throttling counters live in PostgreSQL (table rate_limits), so every
 * API instance behind the load balancer shares them. The memory store is
 * only for ad-hoc use in tests.
 */
const limiterConfig = defineConfig({
  default: 'database',
  stores: {
    database: stores.database({ tableName: 'rate_limits', clearExpiredByTimeout: true }),
    memory: stores.memory({}),
  },
})

export default limiterConfig

declare module '@adonisjs/limiter/types' {
  export interface LimitersList extends InferLimiters<typeof limiterConfig> {}
}
