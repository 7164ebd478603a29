export interface ProgressSnapshot {
  daysDone: number
  totalDays: number
  linesWritten: number
  elapsedMs: number
}

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000))
  const minutes = Math.floor(seconds / 60)
  return minutes > 0 ? `${minutes}m${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`
}

/** "[#####-----] 45/90 days · 512,340 lines · 8,120 lines/s · ETA 1m02s" */
export function formatProgress(snapshot: ProgressSnapshot, width = 24): string {
  const { daysDone, totalDays, linesWritten, elapsedMs } = snapshot
  const fraction = totalDays === 0 ? 1 : Math.min(1, daysDone / totalDays)
  const filled = Math.round(fraction * width)
  const rate = elapsedMs > 0 ? Math.round((linesWritten * 1000) / elapsedMs) : 0
  const eta = fraction > 0 && fraction < 1 ? formatDuration((elapsedMs * (1 - fraction)) / fraction) : '—'
  return (
    `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${daysDone}/${totalDays} days · ` +
    `${linesWritten.toLocaleString('en-US')} lines · ${rate.toLocaleString('en-US')} lines/s · ETA ${eta}`
  )
}

/**
 * Redraws one line on stderr at most `perSecond` times a second; when
 * stderr is not a terminal (CI logs, redirected output) it prints a plain
 * line every few seconds instead of carriage returns.
 */
export class ProgressBar {
  private readonly startedAt = Date.now()
  private lastDrawAt = 0
  private drawn = false

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly perSecond = 5
  ) {}

  get elapsedMs() {
    return Date.now() - this.startedAt
  }

  update(snapshot: Omit<ProgressSnapshot, 'elapsedMs'>, force = false) {
    const now = Date.now()
    const interval = this.stream.isTTY ? 1000 / this.perSecond : 5000
    if (!force && now - this.lastDrawAt < interval) return
    this.lastDrawAt = now
    const line = formatProgress({ ...snapshot, elapsedMs: now - this.startedAt })
    if (this.stream.isTTY) {
      this.stream.write(`\r\x1b[2K${line}`)
      this.drawn = true
    } else {
      this.stream.write(`${line}\n`)
    }
  }

  /** Leaves the last drawn line in place and moves to the next one. */
  finish() {
    if (this.drawn) this.stream.write('\n')
    this.drawn = false
  }
}
