/*
 * The system tools the ops checks run. A missing tool is a failure that names its Debian
 * package, never a silent skip: a check that did not run must not look like a check that passed.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'

export const TOOLS = {
  'docker-compose': 'docker-compose',
  nginx: 'nginx',
  promtool: 'prometheus',
  envsubst: 'gettext-base',
  // util-linux's `script` runs a command on a pseudo-terminal (Essential in Debian).
  script: 'bsdutils',
}

/** Absolute path of a tool found on PATH (or in /usr/sbin, where Debian puts nginx). */
export function requireTool(name) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/bin'].filter(Boolean)
  const found = dirs.map((dir) => join(dir, name)).find((path) => existsSync(path))
  assert.ok(
    found,
    `${name} is not installed: it comes with the Debian package "${TOOLS[name] ?? name}" ` +
      `(apt-get update && apt-get install -y ${TOOLS[name] ?? name})`
  )
  return found
}

/** Runs a tool to completion; `output` holds the command, stdout and stderr for assertion messages. */
export function runTool(name, args, options = {}) {
  const command = requireTool(name)
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000, ...options })
  const output = `$ ${name} ${args.join(' ')}\n${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`
  return { status: result.status, stdout: result.stdout ?? '', output }
}

/** Asserts a tool exited 0, printing its whole output otherwise. */
export function assertToolSucceeds(name, args, options = {}) {
  const { status, output } = runTool(name, args, options)
  assert.equal(status, 0, `${name} failed (exit ${status}):\n${output}`)
  return output
}
