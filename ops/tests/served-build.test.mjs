// Servers run from a copy of their app's build: a rebuild while `make start` runs
// (make test, make build) must not change the files the running server loads later.
import assert from 'node:assert/strict'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { removeServedBuilds, servedBuild } from '../../scripts/lib/app.mjs'

const root = mkdtempSync(join(tmpdir(), 'served-build-'))
after(() => rmSync(root, { recursive: true, force: true }))

function appWithBuild(name, content) {
  const appDir = join(root, name)
  mkdirSync(join(appDir, 'build', 'bin'), { recursive: true })
  writeFileSync(join(appDir, 'build', 'bin', 'server.js'), content)
  return appDir
}

test('a served copy keeps the build it was made from when the app is rebuilt', () => {
  const appDir = appWithBuild('rebuilt', 'version 1')
  const served = servedBuild(appDir, 'api', join(root, 'run-a'))
  rmSync(join(appDir, 'build'), { recursive: true })
  appWithBuild('rebuilt', 'version 2')
  assert.equal(readFileSync(join(served, 'bin', 'server.js'), 'utf8'), 'version 1')
  // Starting that daemon again serves the new build.
  assert.equal(readFileSync(join(servedBuild(appDir, 'api', join(root, 'run-a')), 'bin', 'server.js'), 'utf8'), 'version 2')
})

test('each run folder has its own copies, and removing one run folder’s leaves the others', () => {
  const appDir = appWithBuild('two-runs', 'build')
  const first = servedBuild(appDir, 'api', join(root, 'run-1'))
  const second = servedBuild(appDir, 'api', join(root, 'run-2'))
  const web = servedBuild(appDir, 'web', join(root, 'run-1'))
  assert.notEqual(first, second)
  assert.equal(readdirSync(join(appDir, '.served')).length, 3)
  removeServedBuilds(join(root, 'run-1'), [appDir])
  assert.equal(existsSync(first), false)
  assert.equal(existsSync(web), false)
  assert.equal(existsSync(second), true)
  assert.equal(existsSync(join(appDir, 'build', 'bin', 'server.js')), true)
})
