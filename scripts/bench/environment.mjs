/*
 * What a scenario needs before it runs: the API token, the catalogue, and
 * for selling scenarios open registers with plenty of stock (bench:prepare).
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { ROOT, NODE_BIN } from '../lib/paths.mjs'

export async function prepareEnvironment(target, credentials, scenario) {
  const env = { token: credentials.apiToken, registers: [], products: [] }
  const response = await fetch(`${target}/api/v1/products?size=100`, { headers: { 'x-api-token': env.token } })
  if (!response.ok) throw new Error(`GET /api/v1/products answered ${response.status}: is the stack running (make start)?`)
  env.products = (await response.json()).items.filter((p) => p.actif).map((p) => ({ id: p.id, code: p.code }))

  if (scenario.needsOpenRegisters) {
    console.log('[bench] bench:prepare (top up stock, open every register)...')
    const output = execFileSync(process.execPath, [join(ROOT, 'scripts', 'ace.mjs'), 'bench:prepare', '--json'], {
      env: { ...process.env, PATH: `${NODE_BIN}:${process.env.PATH}` },
    }).toString()
    const last = output.trim().split('\n').pop()
    env.registers = JSON.parse(last).registers
    if (env.registers.length === 0) throw new Error('No open register after bench:prepare')
  }
  return env
}
