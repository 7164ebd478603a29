#!/usr/bin/env node
/*
 * Runs an ace command against the development database with the same
 * environment the stack uses:  node scripts/ace.mjs migration:status
 */
// First: on a node older than the project's, runs this command again on node_modules/.bin/node.
import './lib/project-node.mjs'
import { API_DIR } from './lib/app.mjs'
import { apiEnv, databaseUrl } from './lib/environment.mjs'
import { runStatus } from './lib/processes.mjs'

const url = await databaseUrl()
process.exitCode = await runStatus(process.execPath, ['ace', ...process.argv.slice(2)], {
  cwd: API_DIR,
  env: apiEnv({ mode: 'development', databaseUrl: url }),
})
