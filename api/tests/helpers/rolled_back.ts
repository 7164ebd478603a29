import testUtils from '@adonisjs/core/services/test_utils'
import type { Group } from '@japa/runner/core'

/**
 * Runs each test of the group inside a transaction rolled back after it, and
 * makes what its tests share (users, tokens, ids) afresh inside that
 * transaction first. The returned object holds the current test's values:
 * read it inside the test, not when the group is declared.
 */
export function eachTestRolledBack<T extends object>(group: Group, prepare: () => Promise<T>): T {
  const current = {} as T
  group.each.setup(async () => {
    const rollback = await testUtils.db().withGlobalTransaction()
    Object.assign(current, await prepare())
    return rollback
  })
  return current
}
