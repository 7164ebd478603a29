import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const API_ROOT = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Another API process on the same database and Redis, as behind the load
 * balancer: what one instance writes must be what the other reads.
 */
export async function startSecondInstance(
  port: number,
  instanceId = 'test-instance-b',
  env: Record<string, string> = {},
  options: { captureStdout?: boolean } = {}
) {
  // SECOND_INSTANCE_LOG_LEVEL=debug shows its request log when a coherence test needs explaining.
  const logLevel = process.env.SECOND_INSTANCE_LOG_LEVEL
  const child: ChildProcess = spawn(process.execPath, ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
    cwd: API_ROOT,
    env: { ...process.env, PORT: String(port), INSTANCE_ID: instanceId, LOG_LEVEL: logLevel ?? 'error', ...env },
    stdio: ['ignore', options.captureStdout ? 'pipe' : logLevel ? 'inherit' : 'ignore', 'inherit'],
  })
  let stdout = ''
  child.stdout?.on('data', (chunk) => (stdout += chunk))
  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/health`)
      if (response.ok) return { baseUrl, stop: () => stop(child), stdout: () => stdout }
    } catch {}
    await new Promise((r) => setTimeout(r, 200))
  }
  child.kill('SIGKILL')
  throw new Error(`second API instance did not start on ${baseUrl}`)
}

function stop(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
    setTimeout(() => child.kill('SIGKILL'), 5000).unref()
  })
}
