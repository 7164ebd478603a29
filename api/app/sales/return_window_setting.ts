/**
 * Env validator for RETURN_WINDOW_HOURS (start/env.ts), apart from return_window.ts, which reads
 * the validated value: a bad value must stop the API at start, not turn every deadline into an
 * invalid date (clerks returning anything, sales failing to show).
 */
export function returnWindowHours(key: string, value?: string): number | undefined {
  if (value === undefined || value === '') return undefined
  // Up to a year: beyond it the window is no rule at all, and a typo is likelier than intent.
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > 8784) {
    throw new Error(`${key} must be a whole number of hours from 1 to 8784 (got "${value}")`)
  }
  return Number(value)
}
