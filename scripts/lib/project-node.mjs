/*
 * The scripts run on the project's Node 24 (npm package `node`, node_modules/.bin/node): the
 * Makefile calls them with it, but the README's `node scripts/ace.mjs …`, `node scripts/test.mjs`
 * or `node scripts/api-client.mjs` start them with whatever `node` the shell finds. An older
 * system node then failed deep inside, with a stack trace (ace cannot load the API's .ts files,
 * the tests cannot strip types). Imported first by every entry script: on an older node it runs
 * the same command again on the project's and exits with its status.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { NODE } from './paths.mjs'

export const REQUIRED_MAJOR = 24

/** True when this node cannot run the project (its major version is below REQUIRED_MAJOR). */
export const tooOld = (version = process.versions.node) => Number(version.split('.')[0]) < REQUIRED_MAJOR

/**
 * Re-runs the current command on the project's node when this one is too old.
 * The parameters are for tests; the defaults are the running process.
 */
export function ensureProjectNode({
  version = process.versions.node,
  argv = process.argv,
  projectNode = NODE,
  spawn = spawnSync,
  exit = process.exit,
  log = console.error,
} = {}) {
  if (!tooOld(version)) return
  if (!existsSync(projectNode)) {
    log(`This is Node ${version}; Comptoir needs Node ${REQUIRED_MAJOR}, which \`make install\` puts in node_modules/.bin/node. Run \`make install\` first.`)
    return exit(1)
  }
  const result = spawn(projectNode, argv.slice(1), { stdio: 'inherit' })
  return exit(result.status ?? 1)
}

ensureProjectNode()
