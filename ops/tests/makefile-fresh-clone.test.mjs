/*
 * On a fresh clone (before `make install`: no node_modules/.bin/node) the targets that only look
 * at or stop what runs used to fail with "node: No such file or directory" (Error 127). Nothing
 * of ours can run before the install, so they say that and succeed. NODE=… stands for the
 * missing project node.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

for (const target of ['status', 'stop', 'db-stop', 'lb-status', 'lb-stop']) {
  test(`make ${target} before anything is installed says nothing runs, without an error`, () => {
    const result = spawnSync('make', ['--no-print-directory', 'NODE=/nonexistent/comptoir/node', target], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 })
    const output = `${result.stdout}${result.stderr}`
    assert.equal(result.status, 0, output)
    assert.match(output, /Nothing is installed yet .* nothing of Comptoir runs: make dev or make start/)
    assert.doesNotMatch(output, /No such file or directory|Error \d+/)
  })
}
