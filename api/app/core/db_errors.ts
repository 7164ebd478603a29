/*
 * PostgreSQL errors a write use case turns into a precise API error (naming
 * the field or the referencing records) instead of the handler's generic one.
 * The application checks first; these cover the race between check and write.
 */
const PG_UNIQUE_VIOLATION = '23505'
const PG_FOREIGN_KEY_VIOLATION = '23503'

interface PgError {
  code?: string
  constraint?: string
}

/** The violated unique constraint's name, or null when the error is something else. */
export function violatedUniqueConstraint(error: unknown): string | null {
  const e = error as PgError | null
  return e?.code === PG_UNIQUE_VIOLATION ? (e.constraint ?? '') : null
}

export function isForeignKeyViolation(error: unknown): boolean {
  return (error as PgError | null)?.code === PG_FOREIGN_KEY_VIOLATION
}
