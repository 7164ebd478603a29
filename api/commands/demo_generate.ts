import pg from 'pg'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import db from '@adonisjs/lucid/services/db'
import { BUSINESS_TIMEZONE } from '#core/business_time'
import { seededRandom } from '#core/util/seeded_random'
import { periodBefore, todayIn } from '#reporting/demo/business_calendar'
import { DemandModel } from '#reporting/demo/demand_model'
import { CountingSink } from '#reporting/demo/history_rows'
import { HistorySimulator } from '#reporting/demo/history_simulator'
import { HistoryTransaction } from '#reporting/demo/history_transaction'
import { PgCopySink } from '#reporting/demo/pg_copy_sink'
import { ProgressBar, formatDuration } from '#reporting/demo/progress_bar'
import { idCountersFrom } from '#reporting/demo/simulation_context'
import { loadWorld } from '#reporting/demo/world_loader'

/* Sale lines kept in memory before a COPY round trip: big enough to amortise it, small enough to stay light. */
const CHUNK_SALE_LINES = 50_000

class Interrupted extends Error {}

export default class DemoGenerate extends BaseCommand {
  static commandName = 'demo:generate'
  static description =
    'Write a realistic sales history ending yesterday (sales, returns, register sessions, replenishments, stock ledger, rollups)'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Days of history, ending yesterday', default: 90 })
  declare days: number

  @flags.number({ description: 'Average sales per store on a weekday', default: 200 })
  declare salesPerDay: number

  @flags.number({ description: 'Target number of sale lines; derives --sales-per-day' })
  declare lines?: number

  @flags.number({ description: 'Seed of the random generator (same seed and data, same history)', default: 42 })
  declare seed: number

  @flags.string({ description: 'The day after the last generated day, YYYY-MM-DD (default: today)' })
  declare endDate?: string

  @flags.boolean({ description: 'Simulate and print what would be written, write nothing' })
  declare dryRun: boolean

  private interrupted = false

  async run() {
    const problem = this.invalidFlag()
    if (problem) return this.fail(problem)
    const zone = BUSINESS_TIMEZONE
    let days
    try {
      days = periodBefore(this.endDate ?? todayIn(zone), this.days, zone)
    } catch (error) {
      return this.fail((error as Error).message)
    }
    const periodStartMs = days[0].startMs
    const periodEndMs = days[days.length - 1].endMs
    if (periodEndMs > Date.now()) {
      return this.fail(`--end-date ${this.endDate} is in the future: the history has to end before now`)
    }

    const client = new pg.Client(this.connectionConfig())
    await client.connect()
    const transaction = new HistoryTransaction(client)
    const onSigint = () => {
      if (this.interrupted) process.exit(130) // second Ctrl-C: the dropped connection rolls back
      this.interrupted = true
    }
    process.on('SIGINT', onSigint)
    try {
      await transaction.begin()
      const overlap = await transaction.salesBetween(periodStartMs, periodEndMs)
      if (overlap.count > 0) {
        throw new Error(
          `${overlap.count} sales already exist between ${days[0].date} and ${days[days.length - 1].date} ` +
            `(first at ${overlap.first?.toISOString()}); choose an earlier --end-date or fewer --days`
        )
      }
      const world = await loadWorld(client)
      const salesPerDay = this.lines ? DemandModel.salesPerDayForLines(world, days, this.lines) : this.salesPerDay
      this.logger.info(
        `Simulating ${days.length} days (${days[0].date} → ${days[days.length - 1].date}, ${zone}), ` +
          `${salesPerDay.toFixed(1)} sales per store on an average weekday, seed ${this.seed}`
      )

      const ids = idCountersFrom(
        this.dryRun
          ? { sale: 1, saleLine: 1, saleReturn: 1, session: 1, replenishment: 1 }
          : await transaction.reserveIdStarts()
      )
      const sink = this.dryRun ? new CountingSink() : new PgCopySink(client)
      const simulator = new HistorySimulator(world, days, salesPerDay, seededRandom(this.seed), ids, sink)
      const progress = new ProgressBar()
      while (simulator.simulateNextDay()) {
        if (this.interrupted) throw new Interrupted()
        if (sink instanceof PgCopySink && sink.bufferedSaleLines >= CHUNK_SALE_LINES) await sink.flush()
        progress.update({ daysDone: simulator.daysDone, totalDays: days.length, linesWritten: simulator.stats.saleLines })
      }
      const finalLevels = simulator.finalLevels()
      if (sink instanceof PgCopySink) await sink.flush()
      if (this.interrupted) throw new Interrupted()
      progress.update({ daysDone: days.length, totalDays: days.length, linesWritten: simulator.stats.saleLines }, true)
      progress.finish()

      if (sink instanceof CountingSink) {
        await transaction.rollback()
        this.printDryRun(sink, simulator)
        return
      }
      await transaction.advanceSequences(ids)
      await transaction.addRollups(simulator.rollups.salesRollups(), simulator.rollups.registerRollups())
      await transaction.setStockLevels(finalLevels)
      await transaction.commit()
      this.printSummary(simulator, progress.elapsedMs, finalLevels.filter((l) => l.netChange !== 0).length)
    } catch (error) {
      await transaction.rollback().catch(() => {})
      if (error instanceof Interrupted) {
        this.logger.warning('Interrupted: rolled back, nothing was written')
        this.exitCode = 130
      } else {
        this.fail(`demo:generate failed, nothing was written: ${(error as Error).message}`)
      }
    } finally {
      process.off('SIGINT', onSigint)
      await client.end().catch(() => {})
    }
  }

  private invalidFlag(): string | null {
    const positiveInteger = (value: number | undefined) => value !== undefined && Number.isInteger(value) && value > 0
    if (!positiveInteger(this.days) || this.days > 3660) return '--days must be a whole number between 1 and 3660'
    if (this.lines !== undefined && !positiveInteger(this.lines)) return '--lines must be a positive whole number'
    if (!(this.salesPerDay > 0)) return '--sales-per-day must be positive'
    if (!Number.isInteger(this.seed)) return '--seed must be a whole number'
    return null
  }

  /** Same database as Lucid (and so as the app and the tests), on a connection of our own for COPY. */
  private connectionConfig(): pg.ClientConfig {
    const connection = db.getRawConnection(db.primaryConnectionName)?.config.connection
    if (!connection) throw new Error(`No configuration for the "${db.primaryConnectionName}" connection`)
    return (typeof connection === 'string' ? { connectionString: connection } : connection) as pg.ClientConfig
  }

  private fail(message: string) {
    this.logger.error(message)
    this.exitCode = 1
  }

  private printDryRun(sink: CountingSink, simulator: HistorySimulator) {
    this.logger.info('Dry run: nothing written. It would write:')
    for (const [table, count] of Object.entries(sink.counts)) {
      this.logger.log(`  ${table.padEnd(24)} ${count.toLocaleString('en-US').padStart(12)}`)
    }
    this.logger.log(`  ${'daily_sales_rollups'.padEnd(24)} ${simulator.rollups.salesRollups().length.toLocaleString('en-US').padStart(12)}`)
    this.logger.log(`  ${'daily_register_rollups'.padEnd(24)} ${simulator.rollups.registerRollups().length.toLocaleString('en-US').padStart(12)}`)
  }

  private printSummary(simulator: HistorySimulator, elapsedMs: number, levelsChanged: number) {
    const s = simulator.stats
    const rate = Math.round((s.saleLines * 1000) / Math.max(1, elapsedMs))
    const f = (value: number) => value.toLocaleString('en-US')
    this.logger.success(
      `Wrote ${f(s.sales)} sales, ${f(s.saleLines)} lines, ${f(s.returns)} returns, ${f(s.replenishments)} replenishments, ` +
        `${f(s.supplierReceipts)} supplier receipts, ${f(s.sessions)} register sessions in ${formatDuration(elapsedMs)} (${f(rate)} lines/s)`
    )
    this.logger.info(
      `${f(s.unitsSold)} units sold, ${f(s.unitsShort)} units short on the shelf, ${f(s.lostSales)} customers left empty-handed; ` +
        `${levelsChanged} stock levels updated`
    )
  }
}
