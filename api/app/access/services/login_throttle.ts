import { createHash } from 'node:crypto'
import limiter from '@adonisjs/limiter/services/main'
import { ApiError } from '#core/api_error'

/*
 * Failed logins are counted in PostgreSQL (limiter "database" store), so
 * every API instance shares the same budgets:
 *   - 5 failures per (account, IP) per 15 minutes: slows password guessing on one account —
 *     the account, not what was typed, so its username and its e-mail share one budget, and
 *     so do wrong current passwords on POST /auth/password;
 *   - 30 failures per IP per 15 minutes: slows an IP spraying many accounts. Not counted for
 *     a password change: its caller can only guess their own account's password, and every
 *     clerk of a store may share one address, whose logins one of them must not block.
 * The attempt is counted *before* the password is checked (one atomic upsert
 * per budget), so a burst of parallel guesses cannot slip past the limit; a
 * successful login then gives its point back and clears its own
 * (account, IP) counter, never other people's.
 */
export const LOGIN_LIMITS = {
  perAccount: { requests: 5, duration: '15 mins' },
  perIp: { requests: 30, duration: '15 mins' },
} as const

/** The envelope's RATE_LIMIT_EXCEEDED, carrying the delay for the Retry-After header. */
export class LoginRateLimited extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'RATE_LIMIT_EXCEEDED', 'Too many login attempts; try again later', {
      retry_after: retryAfterSeconds,
    })
  }
}

/* Resolved on use: the limiter service exists once the app has booted (limiter.use caches instances). */
const accountLimiter = () => limiter.use(LOGIN_LIMITS.perAccount)
const ipLimiter = () => limiter.use(LOGIN_LIMITS.perIp)

export class LoginThrottle {
  readonly #accountKey: string
  /** null: a password change, not counted on the address (see above). */
  readonly #ipKey: string | null

  /** `account`: the user's id when the identifiant names one, else what was typed. */
  constructor(account: { userId: number } | { identifier: string }, ip: string, attempt: 'login' | 'password-change' = 'login') {
    this.#accountKey = `login:account:${accountPart(account)}:${ip}`
    this.#ipKey = attempt === 'login' ? `login:ip:${ip}` : null
  }

  /** Counts this attempt; throws LoginRateLimited when a budget is already spent. */
  async acquire() {
    const ipKey = this.#ipKey
    const counted = await Promise.all([
      accountLimiter().increment(this.#accountKey),
      ...(ipKey === null ? [] : [ipLimiter().increment(ipKey)]),
    ])
    const exceeded = counted.filter((r) => r.consumed > r.limit)
    if (exceeded.length > 0) {
      throw new LoginRateLimited(Math.max(1, ...exceeded.map((r) => r.availableIn)))
    }
  }

  /** A success is not a failure: give the IP its point back and forget this account's failures. */
  async succeeded() {
    const ipKey = this.#ipKey
    await Promise.all([accountLimiter().delete(this.#accountKey), ...(ipKey === null ? [] : [ipLimiter().decrement(ipKey)])])
  }
}

function accountPart(account: { userId: number } | { identifier: string }) {
  if ('userId' in account) return `user-${account.userId}`
  /* Hashed so any identifiant fits the 255-character key and is not stored in clear. */
  return createHash('sha256').update(account.identifier.trim().toLowerCase()).digest('hex').slice(0, 32)
}

/**
 * Creates the two limiters at boot (called from routes.ts). A limiter binds
 * to the database connection current when it is first created: created at
 * boot, that is the pool, never a request's transaction nor the global
 * transaction a test wraps around its requests (whose rollback would leave
 * the limiter on a dead connection).
 */
export function prepareLoginLimiters() {
  accountLimiter()
  ipLimiter()
}
