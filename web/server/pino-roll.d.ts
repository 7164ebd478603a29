// pino-roll ships no types; this is the part of its API server/log.js uses.
declare module 'pino-roll' {
  import type { Writable } from 'node:stream'

  interface RollOptions {
    file: string
    extension?: string
    size?: string | number
    frequency?: 'daily' | 'hourly' | number
    mkdir?: boolean
    limit?: { count?: number; removeOtherLogFiles?: boolean }
  }

  export default function roll(options: RollOptions): Promise<Writable>
}
