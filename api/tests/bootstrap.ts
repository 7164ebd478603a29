import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import { spec } from '@japa/runner/reporters'
import type { Config } from '@japa/runner/types'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { summaryFileReporter } from '#tests/helpers/summary_file_reporter'
import { createApiServer } from '#core/exceptions/outside_pipeline'

export const plugins: Config['plugins'] = [assert(), apiClient(), pluginAdonisJS(app)]

export const reporters: Config['reporters'] = {
  activated: ['spec', 'summary-file'],
  list: [
    spec(),
    summaryFileReporter(process.env.TEST_SUMMARY_FILE),
  ],
}

/*
 * The test database is migrated from scratch and given the reference data
 * once per run; each test then runs inside a transaction that is rolled back.
 */
export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [
    async () => {
      const { default: ace } = await import('@adonisjs/core/services/ace')
      for (const [name, args] of [
        ['migration:fresh', ['--force']],
        ['db:seed', ['--files', 'database/seeders/01_reference_data_seeder.ts']],
      ] as const) {
        const command = await ace.exec(name, [...args])
        if (command.exitCode !== 0) throw command.error ?? new Error(`${name} failed`)
      }
    },
  ],
  teardown: [],
}

/*
 * Tests roll their writes back, which never fires the after-commit cache
 * invalidations: every test starts with an empty cache instead.
 */
async function emptyCache() {
  const { clearCache } = await import('#core/cache')
  await clearCache()
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  suite.onGroup((group) => group.each.setup(emptyCache))
  suite.onTest((test) => test.setup(emptyCache))
  if (suite.name === 'functional') {
    return suite.setup(async () => {
      // The server answers as in production: repeated reads from the memo in front of the router.
      const { answerFromMemo } = await import('#core/answer_memo')
      return testUtils.httpServer().start((handler) => createApiServer(handler, answerFromMemo))
    })
  }
}
