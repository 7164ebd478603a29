/*
 * Every environment variable the API reads is declared and validated here;
 * the rest of the code reads them through `env.get`. The README lists them.
 */
import { Env } from '@adonisjs/core/env'
import { ROTATION_FREQUENCIES, keptFiles, rotationSize } from '#core/log_files'
import { trustedProxies } from '#core/trusted_proxies'
import { corsOrigins } from '#core/cors'
import { returnWindowHours } from '#sales/return_window_setting'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number(),
  HOST: Env.schema.string({ format: 'host' }),
  APP_KEY: Env.schema.secret(),
  APP_TIMEZONE: Env.schema.string.optional(),
  INSTANCE_ID: Env.schema.string.optional(),
  /* Peers whose X-Forwarded-For is believed (app/core/trusted_proxies.ts). */
  TRUST_PROXY: trustedProxies,
  /* Which browser origins may call the API (app/core/cors.ts). */
  CORS_ORIGINS: corsOrigins,
  LOG_LEVEL: Env.schema.enum.optional([
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent',
  ] as const),
  LOG_PRETTY: Env.schema.boolean.optional(),
  /* JSON lines also go to rotated files under LOG_DIR (app/core/log_files.ts). */
  LOG_DIR: Env.schema.string.optional(),
  LOG_ROTATE_SIZE: rotationSize,
  LOG_ROTATE_FREQUENCY: Env.schema.enum.optional(ROTATION_FREQUENCIES),
  LOG_ROTATE_KEEP: keptFiles,

  DATABASE_URL: Env.schema.string(),
  DB_POOL_MAX: Env.schema.number.optional(),
  DB_DEBUG: Env.schema.boolean.optional(),

  REDIS_URL: Env.schema.string.optional(),
  CACHE_ENABLED: Env.schema.boolean.optional(),
  CACHE_TTL_CATALOG: Env.schema.string.optional(),
  CACHE_TTL_REPORTS: Env.schema.string.optional(),

  /* How long a clerk may take goods back (app/sales/return_window.ts). */
  RETURN_WINDOW_HOURS: returnWindowHours,
})
