import env from '#start/env'
import { defineConfig } from '@adonisjs/lucid'

const dbConfig = defineConfig({
  connection: 'pg',
  prettyPrintDebugQueries: true,
  connections: {
    pg: {
      client: 'pg',
      connection: {
        connectionString: env.get('DATABASE_URL'),
      },
      pool: {
        // One connection kept even when idle: `make restore` refuses while a client is connected,
        // and an idle API with none (min 0) went unseen while its cache served the data replaced.
        min: 1,
        max: env.get('DB_POOL_MAX', 10),
      },
      debug: env.get('DB_DEBUG', false),
      /* Models are written by hand (classic @column style); no generated schema classes. */
      schemaGeneration: { enabled: false },
      migrations: {
        naturalSort: true,
        paths: ['database/migrations'],
      },
      seeders: {
        paths: ['database/seeders'],
      },
    },
  },
})

export default dbConfig
