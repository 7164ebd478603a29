import env from '#start/env'

/** How long after a sale a clerk (or an integration) may take it back; managers always can. */
export const CLERK_RETURN_WINDOW_HOURS = env.get('RETURN_WINDOW_HOURS', 24)

/** The last moment a clerk may return goods from a sale made at `soldAt`. */
export function clerkReturnDeadline(soldAt: Date): Date {
  return new Date(soldAt.getTime() + CLERK_RETURN_WINDOW_HOURS * 3_600_000)
}
