/**
 * The X-Process-Time value: seconds since `startedAt` (process.hrtime.bigint()),
 * six decimals ("0.004213"), as the original API sent on every response.
 */
export function processTimeSince(startedAt: bigint): string {
  return (Number(process.hrtime.bigint() - startedAt) / 1e9).toFixed(6)
}
