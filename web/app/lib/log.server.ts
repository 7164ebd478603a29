// Server-side events share the access log's shape (one JSON object per line)
// so a request id finds everything that happened for that request. They go
// through the server's log (server/log.js: stdout, and LOG_DIR files when
// set), which server.js registers under a global symbol before any request.
type Fields = Record<string, unknown>
type ServerLog = { error: (msg: string, fields?: Fields) => void }

const LOG_SINK = Symbol.for('comptoir.web.log')

export function logError(msg: string, fields: Fields): void {
  const serverLog = (globalThis as Record<symbol, ServerLog | undefined>)[LOG_SINK]
  if (serverLog) {
    serverLog.error(msg, fields)
    return
  }
  // Outside server.js (unit tests): the same line, on stdout only.
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level: 'error', msg, ...fields }) + '\n')
}

export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    return { error_name: error.name, error_message: error.message, stack: error.stack }
  }
  return { error_message: String(error) }
}
