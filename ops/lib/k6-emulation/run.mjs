/*
 * Runs a k6 script once through, without k6 (not installable here), so that `make test` sees the
 * scripts work against the real API: `options` are read, setup() runs, then the default function
 * for each virtual user and iteration asked. It is not a load generator (requests go one at a
 * time and sleep() does not wait): `make bench` measures, this only checks what the scripts send.
 *
 *   node ops/lib/k6-emulation/run.mjs k6-tests/run.js --vus 2 --iterations 3   (-e values: environment variables)
 *
 * Prints one JSON line: { options, checks, sleeps, requests: [{ method, url, tag, status, error }] }.
 */
import { registerHooks } from 'node:module'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { vus: { type: 'string', default: '1' }, iterations: { type: 'string', default: '1' } },
})
const [script] = positionals
if (!script) throw new Error('usage: run.mjs <k6 script> [--vus N] [--iterations N]')

const modules = { k6: new URL('./k6.mjs', import.meta.url).href, 'k6/http': new URL('./http.mjs', import.meta.url).href }
registerHooks({
  resolve: (specifier, context, nextResolve) =>
    modules[specifier] ? { url: modules[specifier], shortCircuit: true } : nextResolve(specifier, context),
})

// k6 gives scripts the system's environment in __ENV, as here.
globalThis.__ENV = { ...process.env }
globalThis.__VU = 0
globalThis.__ITER = 0

const { checks, sleeps } = await import(modules.k6)
const { made } = await import(modules['k6/http'])
const k6Script = await import(pathToFileURL(resolve(script)).href)
const data = k6Script.setup ? k6Script.setup() : undefined
for (let vu = 1; vu <= Number(values.vus); vu++) {
  for (let iteration = 0; iteration < Number(values.iterations); iteration++) {
    globalThis.__VU = vu
    globalThis.__ITER = iteration
    k6Script.default(data)
  }
}
if (k6Script.teardown) k6Script.teardown(data)
console.log(JSON.stringify({ options: k6Script.options, checks, sleeps, requests: made }))
