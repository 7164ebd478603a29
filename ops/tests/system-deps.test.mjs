/*
 * scripts/system-deps.sh (run by `make test`, `make lb`, `make system-deps`) finds what is
 * installed where Debian puts it, whatever the caller's PATH: nginx lives in /usr/sbin, which a
 * non-root login shell does not have on its PATH. The commands other than nginx are stubs here,
 * and `id` says "not root", so the script never runs apt-get.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { after, test } from 'node:test'
import { fileURLToPath } from 'node:url'

const SCRIPT = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), 'scripts', 'system-deps.sh')
const STUBBED = ['redis-server', 'promtool', 'docker-compose', 'envsubst', 'chromium']

const scratch = mkdtempSync(join(tmpdir(), 'comptoir-system-deps-'))
after(() => rmSync(scratch, { recursive: true, force: true }))

/** A bin folder with the given stubs and an `id` that answers uid 1000. */
function binWith(commands) {
  const dir = mkdtempSync(join(scratch, 'bin-'))
  const stub = (name, body) => {
    writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`)
    chmodSync(join(dir, name), 0o755)
  }
  for (const command of commands) stub(command, 'exit 0')
  stub('id', 'echo 1000')
  return dir
}

const systemDeps = (path) => spawnSync('/bin/bash', [SCRIPT], { encoding: 'utf8', env: { PATH: path } })

test('an installed Debian nginx (/usr/sbin) is found when /usr/sbin is not on PATH, as for a non-root user', () => {
  assert.ok(existsSync('/usr/sbin/nginx'), 'this check needs Debian nginx in /usr/sbin (make system-deps)')
  const result = systemDeps(binWith(STUBBED))
  assert.equal(result.status, 0, `system-deps.sh reported something missing:\n${result.stderr}`)
  assert.equal(result.stderr, '')
})

test('a command that is really missing is still reported with its package', () => {
  const result = systemDeps(binWith(STUBBED.filter((command) => command !== 'chromium')))
  assert.equal(result.status, 1)
  assert.match(result.stderr, /Missing Debian packages: chromium\n/)
})
