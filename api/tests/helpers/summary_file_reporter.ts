import { writeFileSync } from 'node:fs'
import type { NamedReporterContract } from '@japa/runner/types'

/**
 * Writes the run's counts to a JSON file so `make test` can add up every
 * suite (API, web, e2e) into one closing "N passed, M failed" line.
 */
export function summaryFileReporter(path: string | undefined): NamedReporterContract {
  return {
    name: 'summary-file',
    handler: (runner, emitter) => {
      emitter.on('runner:end', () => {
        if (!path) return
        const { aggregates, hasError, failedTestsTitles } = runner.getSummary()
        writeFileSync(
          path,
          JSON.stringify({
            passed: aggregates.passed,
            failed: aggregates.failed + aggregates.regression,
            skipped: aggregates.skipped + aggregates.todo,
            hasError,
            failedTestsTitles,
          })
        )
      })
    },
  }
}
