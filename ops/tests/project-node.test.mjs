/*
 * The README's commands start scripts with the shell's `node` (`node scripts/ace.mjs …`,
 * `node scripts/test.mjs`, `node scripts/api-client.mjs`). On a machine whose system node is
 * older than the project's Node 24 they failed with a stack trace (ace: "Unknown file extension
 * .ts"); each entry script now runs itself again on node_modules/.bin/node.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { delimiter, dirname, join, resolve } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

import { REQUIRED_MAJOR, ensureProjectNode, tooOld } from '../../scripts/lib/project-node.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const PROJECT_NODE = join(ROOT, 'node_modules', '.bin', 'node')

/** ensureProjectNode with recording stand-ins for spawning and exiting. */
function decide(version, projectNode = PROJECT_NODE) {
  const calls = { spawned: null, exit: null, logged: '' }
  ensureProjectNode({
    version,
    argv: ['/usr/bin/node', '/repo/scripts/ace.mjs', 'migration:status'],
    projectNode,
    spawn: (command, args, options) => ((calls.spawned = { command, args, options }), { status: 3 }),
    exit: (code) => (calls.exit = code),
    log: (message) => (calls.logged += message),
  })
  return calls
}

test('an older node runs the same command again on the project node and exits with its status', () => {
  const calls = decide('20.20.2')
  assert.deepEqual(calls.spawned, { command: PROJECT_NODE, args: ['/repo/scripts/ace.mjs', 'migration:status'], options: { stdio: 'inherit' } })
  assert.equal(calls.exit, 3)
})

test(`Node ${REQUIRED_MAJOR} and later run the script themselves`, () => {
  for (const version of [`${REQUIRED_MAJOR}.0.0`, '25.1.0']) {
    const calls = decide(version)
    assert.equal(calls.spawned, null)
    assert.equal(calls.exit, null)
  }
  assert.ok(tooOld('22.12.0'))
  assert.ok(!tooOld(process.versions.node), 'the project node itself is too old for the project')
})

test('without the project node (before make install) it says to run make install', () => {
  const calls = decide('20.20.2', join(ROOT, 'no-such-node'))
  assert.equal(calls.spawned, null)
  assert.equal(calls.exit, 1)
  assert.match(calls.logged, /make install/)
})

test('every entry script under scripts/ that the README or the Makefile runs imports the guard first', () => {
  const entries = ['ace', 'api-client', 'lb', 'pg', 'stack', 'test'].map((name) => join(ROOT, 'scripts', `${name}.mjs`))
  for (const file of entries) {
    const firstImport = readFileSync(file, 'utf8').match(/^import .*$/m)?.[0]
    assert.equal(firstImport, "import './lib/project-node.mjs'", `${file} does not import the guard first`)
  }
  // The README's own commands are among them.
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  for (const [, name] of readme.matchAll(/`node scripts\/([\w-]+)\.mjs/g)) {
    assert.ok(entries.includes(join(ROOT, 'scripts', `${name}.mjs`)), `README runs scripts/${name}.mjs with the shell's node`)
  }
})

/** A `node` on PATH older than the project's (Debian's nodejs package, for one), if any. */
function olderSystemNode() {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'node')
    if (!dir || !existsSync(candidate) || resolve(dir) === resolve(dirname(PROJECT_NODE))) continue
    const version = spawnSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout?.trim()
    if (version && tooOld(version)) return { path: candidate, version }
  }
  return null
}

test("the README's `node scripts/ace.mjs` works with an older system node", (t) => {
  const old = olderSystemNode()
  if (!old) return t.skip(`no node older than ${REQUIRED_MAJOR} on PATH: the stand-in tests above cover the decision`)
  // `ace list` needs no database: DATABASE_URL only keeps ace.mjs from starting the embedded one.
  const run = spawnSync(old.path, [join(ROOT, 'scripts', 'ace.mjs'), 'list'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: 'postgres://nobody:none@127.0.0.1:1/none' },
    encoding: 'utf8',
    timeout: 60_000,
  })
  const output = `${run.stdout}${run.stderr}`
  assert.equal(run.status, 0, `node ${old.version} scripts/ace.mjs list:\n${output}`)
  assert.match(output, /migration:run/)
})
