/*
 * `make dev` supervises the API (`ace serve --watch`, which starts the API server as its own
 * child) and the web server, and stops them on Ctrl-C or SIGTERM. It sent them SIGTERM, which
 * `ace serve --watch` ignores: `kill <pid of make dev>` left "Stopping API, web and
 * PostgreSQL..." hanging for ever with the API still serving. And when a service died by a
 * signal, the wait for its exit never ended, so the embedded PostgreSQL was left running.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'

import { isAlive, sleep, stopSupervised, supervise } from '../../scripts/lib/processes.mjs'

/** A supervised node process running `body`; it prints "ready <pid of what it started>" when set up. */
async function child(body) {
  const supervised = supervise('t', process.execPath, ['-e', body])
  let output = ''
  supervised.stdout.on('data', (chunk) => (output += chunk))
  for (let i = 0; i < 100 && !/ready/.test(output); i++) await sleep(20)
  return { child: supervised, grandchild: Number(output.match(/ready (\d+)/)?.[1]) }
}

const withinMs = (ms, promise) =>
  Promise.race([promise.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), ms))])

// Like ace serve --watch: deaf to SIGTERM, ends on SIGINT, and has started a server of its own.
const ACE_LIKE = `
  const { spawn } = require('node:child_process')
  const server = spawn('sleep', ['60'], { stdio: 'ignore' })
  process.on('SIGTERM', () => {})
  process.on('SIGINT', () => process.exit(0))
  console.log('ready ' + server.pid)
  setInterval(() => {}, 1000)
`

test('a child deaf to SIGTERM is stopped, and so is what it started', async () => {
  const { child: ace, grandchild } = await child(ACE_LIKE)
  assert.ok(grandchild > 0 && isAlive(grandchild))
  assert.ok(await withinMs(5_000, stopSupervised([ace])), 'stopSupervised did not return')
  assert.ok(ace.exitCode !== null || ace.signalCode !== null, 'the child still runs')
  for (let i = 0; i < 50 && isAlive(grandchild); i++) await sleep(20)
  assert.ok(!isAlive(grandchild), 'what the child started still runs')
})

test('a child that already died by a signal is not waited for', async () => {
  const { child: web } = await child(`console.log('ready 0'); setInterval(() => {}, 1000)`)
  web.kill('SIGKILL')
  await new Promise((resolve) => web.once('exit', resolve))
  assert.ok(await withinMs(2_000, stopSupervised([web])), 'stopSupervised waits for a child that is gone')
})

test('a child deaf to SIGINT too is killed after the grace period', async () => {
  const { child: stubborn } = await child(`process.on('SIGINT', () => {}); process.on('SIGTERM', () => {}); console.log('ready 0'); setInterval(() => {}, 1000)`)
  assert.ok(await withinMs(5_000, stopSupervised([stubborn], { graceMs: 300 })), 'stopSupervised did not return')
  assert.equal(stubborn.signalCode, 'SIGKILL')
})
