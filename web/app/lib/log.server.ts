// Server-side events share the access log's shape (one JSON object per line on
// stdout) so a request id finds everything that happened for that request.
export function logError(msg: string, fields: Record<string, unknown>): void {
  process.stdout.write(
    JSON.stringify({ time: new Date().toISOString(), level: 'error', msg, ...fields }) + '\n'
  )
}

export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    return { error_name: error.name, error_message: error.message, stack: error.stack }
  }
  return { error_message: String(error) }
}
