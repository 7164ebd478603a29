import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import db from '@adonisjs/lucid/services/db'
import { BUSINESS_TIMEZONE } from '#core/business_time'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import {
  CONSISTENCY_CHECKS,
  sqlFor,
  withCountAndExamples,
  type ConsistencyCheck,
} from '#reporting/integrity/consistency_checks'

const EXAMPLES = 5

/**
 * Proves the invariants the application promises: the stock ledger adds
 * up to the levels, nothing is negative, rollups match the sales and
 * returns they summarise, and every sale and return adds up. Exit code 1
 * on any mismatch, so scripts and CI can rely on it.
 */
export default class StockVerify extends BaseCommand {
  static commandName = 'stock:verify'
  static description = 'Check stock ledger, levels, sales and rollups for consistency (exit code 1 on any mismatch)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Business time zone of the rollup days (default: APP_TIMEZONE or America/Toronto)' })
  declare timezone?: string

  async run() {
    const zone = this.timezone || BUSINESS_TIMEZONE
    // One snapshot for every check, so a sale committed halfway can not make two checks disagree.
    const failed = await db.transaction(
      async (trx) => {
        // Room for the hash aggregates over millions of lines, for this transaction only.
        await trx.rawQuery("SET LOCAL work_mem = '64MB'")
        let failures = 0
        for (const check of CONSISTENCY_CHECKS) {
          if (!(await this.runCheck(trx, check, zone))) failures++
        }
        return failures
      },
      { isolationLevel: 'repeatable read' }
    )
    if (failed > 0) {
      this.logger.error(`${failed} of ${CONSISTENCY_CHECKS.length} checks failed`)
      this.exitCode = 1
    } else {
      this.logger.success(`All ${CONSISTENCY_CHECKS.length} checks passed`)
    }
  }

  /** Prints one ✓/✗ line (and up to five examples); returns whether the check passed. */
  private async runCheck(client: TransactionClientContract, check: ConsistencyCheck, zone: string): Promise<boolean> {
    const startedAt = Date.now()
    let rows: Record<string, unknown>[]
    try {
      // In a savepoint, so a failing query does not abort the checks after it.
      const result = await client.transaction((savepoint) =>
        savepoint.rawQuery(withCountAndExamples(sqlFor(check, zone), EXAMPLES))
      )
      rows = result.rows
    } catch (error) {
      this.logger.log(`${this.colors.red('✗')} (${check.id}) ${check.label}: query failed: ${(error as Error).message}`)
      return false
    }
    const mismatches = rows.length === 0 ? 0 : Number(rows[0].mismatch_count)
    const took = this.colors.dim(`${Date.now() - startedAt} ms`)
    if (mismatches === 0) {
      this.logger.log(`${this.colors.green('✓')} (${check.id}) ${check.label} ${took}`)
      return true
    }
    this.logger.log(
      `${this.colors.red('✗')} (${check.id}) ${check.label}: ${mismatches} mismatching key${mismatches === 1 ? '' : 's'} ${took}`
    )
    for (const { mismatch_count: _, ...example } of rows) this.logger.log(`    ${JSON.stringify(example)}`)
    return false
  }
}
