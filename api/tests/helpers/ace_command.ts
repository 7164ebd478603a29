import ace from '@adonisjs/core/services/ace'

/** Runs a command with its output captured instead of printed (raw mode keeps logs until flushed). */
export async function runCommand(name: string, argv: string[]) {
  const command = await ace.exec(name, argv)
  const output = command.logger
    .getLogs()
    .map((log) => log.message)
    .join('\n')
  command.logger.flushLogs()
  return { exitCode: command.exitCode, output }
}
