import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { tapFailures } from '../../scripts/lib/tap.mjs'

// A real node --test TAP stream: nested suites, passes and failures at several depths.
function tapOf(source) {
  const dir = mkdtempSync(join(tmpdir(), 'tap-'))
  try {
    writeFileSync(join(dir, 'sample.test.mjs'), source)
    // Without this variable the child would report to our runner instead of printing TAP.
    const env = { ...process.env }
    delete env.NODE_TEST_CONTEXT
    try {
      return execFileSync(process.execPath, ['--test', '--test-reporter=tap', join(dir, 'sample.test.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env })
    } catch (error) {
      return error.stdout
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

test('the summary names each failed test with its suites, and not the suites that failed with it', () => {
  const tap = tapOf(`
    import { describe, test } from 'node:test'
    describe('point of sale', () => {
      test('sells a basket', () => {})
      describe('scanner', () => {
        test('keeps every code of a burst', () => { throw new Error('lost one') })
        test('refuses an unknown code', () => {})
      })
      test('prints the receipt', () => { throw new Error('no printer') })
    })
    test('top-level failure', () => { throw new Error('boom') })
    test('top-level pass', () => {})
  `)
  assert.deepEqual(tapFailures(tap), [
    'point of sale › scanner › keeps every code of a burst',
    'point of sale › prints the receipt',
    'top-level failure',
  ])
})

test('a passing run lists no failure', () => {
  const tap = tapOf(`
    import { describe, test } from 'node:test'
    describe('suite', () => { test('a', () => {}); test('b', () => {}) })
  `)
  assert.match(tap, /# pass 2/)
  assert.deepEqual(tapFailures(tap), [])
})
