/*
 * What a scenario needs before it runs: which stack serves the target (make start's, or
 * make lb's with its own database and credentials under .data/lb/), the API token, the
 * catalogue and stores, and for selling scenarios open registers with plenty of stock
 * (bench:prepare, run against the target's own database).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { API_DIR } from '../lib/app.mjs'
import { readCredentials } from '../lib/environment.mjs'
import { aceEnv, credentialsFile, currentSettings, lbDatabaseUrl, runDirOf } from '../lib/lb.mjs'
import { ROOT, NODE_BIN } from '../lib/paths.mjs'
import { pidOf } from '../lib/processes.mjs'

/**
 * The make lb topology when the target is its nginx or one of its instances (and it runs),
 * else null: the target is then make start's stack, with .data/dev-credentials.json.
 */
export function loadBalancerOf(target) {
  const settings = currentSettings()
  const port = Number(new URL(target).port || 80)
  const ours = port === settings.ports.nginx || settings.ports.api.includes(port)
  return ours && pidOf('nginx', runDirOf(settings)) ? settings : null
}

/** make lb's entry point when its nginx runs, else null: where a bench that found nothing may have meant to go. */
export function runningLoadBalancerUrl() {
  const settings = currentSettings()
  return pidOf('nginx', runDirOf(settings)) ? `http://127.0.0.1:${settings.ports.nginx}` : null
}

export function credentialsFor(lb) {
  if (!lb) return readCredentials()
  const file = credentialsFile(lb)
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null
}

async function get(target, token, path) {
  const response = await fetch(`${target}${path}`, { headers: { 'x-api-token': token } })
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: is the stack running (make start or make lb)?`)
  return response.json()
}

function benchPrepare(lb) {
  const options = { env: { ...process.env, PATH: `${NODE_BIN}:${process.env.PATH}` } }
  const output = lb
    ? execFileSync(process.execPath, ['ace', 'bench:prepare', '--json'], {
        cwd: API_DIR,
        env: { ...aceEnv(lb, lbDatabaseUrl(lb)), PATH: options.env.PATH },
      })
    : execFileSync(process.execPath, [join(ROOT, 'scripts', 'ace.mjs'), 'bench:prepare', '--json'], options)
  return JSON.parse(output.toString().trim().split('\n').pop()).registers
}

export async function prepareEnvironment(target, credentials, scenario, lb = null) {
  const env = { token: credentials.apiToken, registers: [], products: [], stores: [] }
  const products = await get(target, env.token, '/api/v1/products?size=100')
  env.products = products.items.filter((p) => p.actif).map((p) => ({ id: p.id, code: p.code, nom: p.nom }))
  env.stores = (await get(target, env.token, '/api/v1/stores?size=100')).items.map((s) => ({ id: s.id }))

  if (scenario.needsOpenRegisters) {
    console.log('[bench] bench:prepare (top up stock, open every register)...')
    env.registers = benchPrepare(lb)
    if (env.registers.length === 0) throw new Error('No open register after bench:prepare')
  }
  return env
}
