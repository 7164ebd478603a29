import { join, resolve } from 'node:path'

/*
 * Optional copy of the JSON log lines in rotated files (LOG_DIR), for hosts
 * where nothing collects stdout. pino-roll writes $LOG_DIR/api-<instance>.<n>.log
 * and starts the next number when the file reaches LOG_ROTATE_SIZE or the
 * day (hour) changes, keeping the LOG_ROTATE_KEEP newest files. The web
 * server does the same (web/server/log.js) with the same variables.
 */

export const ROTATION_FREQUENCIES = ['daily', 'hourly'] as const
export type RotationFrequency = (typeof ROTATION_FREQUENCIES)[number]

/* pino-roll's size syntax: a number of megabytes, or one with a b/k/m/g unit. */
const SIZE = /^\d+(\.\d+)?[bkmg]?$/i

/** Env validator for LOG_ROTATE_SIZE (start/env.ts). */
export function rotationSize(key: string, value?: string): string | undefined {
  if (value === undefined || value === '') return undefined
  if (!SIZE.test(value)) throw new Error(`${key} must be a size such as 500k, 10m or 1g (got "${value}")`)
  return value
}

/** Env validator for LOG_ROTATE_KEEP (start/env.ts): how many files survive a rotation. */
export function keptFiles(key: string, value?: string): number | undefined {
  if (value === undefined || value === '') return undefined
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1) throw new Error(`${key} must be a whole number of files, at least 1 (got "${value}")`)
  return Number(value)
}

/** The instance id as a file name part: ids such as "host:3333" carry characters files should not. */
export function fileSafe(instance: string): string {
  return instance.replace(/[^A-Za-z0-9._-]+/g, '-')
}

export interface LogFileOptions {
  dir: string
  service: 'api' | 'web'
  instance: string
  size: string
  frequency: RotationFrequency
  keep: number
}

/** pino-roll's options for one service's files. */
export function rollOptions(options: LogFileOptions) {
  return {
    file: join(resolve(options.dir), `${options.service}-${fileSafe(options.instance)}`),
    extension: '.log',
    size: options.size,
    frequency: options.frequency,
    mkdir: true,
    // Files left by earlier runs of this instance count too, so restarts do not pile them up.
    limit: { count: options.keep, removeOtherLogFiles: true },
  }
}
