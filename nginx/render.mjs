#!/usr/bin/env node
/*
 * Renders nginx/comptoir.conf.template for a run without Docker (the compose stack renders the
 * same template with the nginx image's envsubst step instead).
 *
 *   node nginx/render.mjs --api 127.0.0.1:3341,127.0.0.1:3342,127.0.0.1:3343 \
 *     --web 127.0.0.1:3000 --listen 8080 [--status 127.0.0.1:8081] \
 *     [--runtime-dir DIR] [--log-dir DIR] --out .data/nginx/nginx.conf
 *
 * The runtime and log directories default to the folder of --out; they are created, so
 * `nginx -t -c FILE` and `nginx -c FILE` work as any user without touching /var.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const TEMPLATE = join(dirname(fileURLToPath(import.meta.url)), 'comptoir.conf.template')

const PLACEHOLDER = /\$\{(LB_[A-Z0-9_]+)\}/g

/** The LB_* names the template uses. */
export function placeholders(template = readFileSync(TEMPLATE, 'utf8')) {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))]
}

/** Substitutes every ${LB_*} placeholder; a missing value is an error, never an empty string. */
export function substitute(template, values) {
  const missing = placeholders(template).filter((name) => !values[name])
  if (missing.length) throw new Error(`no value for ${missing.join(', ')}`)
  return template.replace(PLACEHOLDER, (_, name) => values[name])
}

/**
 * @param {{ api: string[], web: string, listen: string, status?: string,
 *           runtimeDir: string, logDir?: string }} options
 * @returns {string} the nginx configuration
 */
export function renderNginxConfig({ api, web, listen, status = '127.0.0.1:8081', runtimeDir, logDir = runtimeDir }) {
  const template = readFileSync(TEMPLATE, 'utf8')
  const apiSlots = placeholders(template).filter((name) => /^LB_API_\d+$/.test(name))
  if (api.length !== apiSlots.length) {
    throw new Error(`the template has ${apiSlots.length} API upstream servers, got ${api.length}: ${api.join(',')}`)
  }
  const values = {
    LB_LISTEN: listen,
    LB_STATUS_LISTEN: status,
    LB_WEB: web,
    LB_RUNTIME_DIR: resolve(runtimeDir),
    LB_LOG_DIR: resolve(logDir),
  }
  api.forEach((address, index) => (values[`LB_API_${index + 1}`] = address))
  return substitute(template, values)
}

function parseArgs(argv) {
  const options = {}
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) throw new Error(`unexpected argument ${argv[i]}`)
    options[argv[i].slice(2)] = argv[i + 1]
  }
  for (const required of ['api', 'web', 'listen', 'out']) {
    if (!options[required]) throw new Error(`--${required} is required`)
  }
  return options
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const options = parseArgs(process.argv.slice(2))
    const out = resolve(options.out)
    const runtimeDir = options['runtime-dir'] ?? dirname(out)
    const logDir = options['log-dir'] ?? runtimeDir
    const config = renderNginxConfig({
      api: options.api.split(',').map((s) => s.trim()).filter(Boolean),
      web: options.web,
      listen: options.listen,
      status: options.status,
      runtimeDir,
      logDir,
    })
    for (const dir of [dirname(out), runtimeDir, logDir]) mkdirSync(dir, { recursive: true })
    writeFileSync(out, config)
    console.log(`nginx configuration written to ${out}`)
  } catch (error) {
    console.error(`render.mjs: ${error.message}`)
    process.exit(2)
  }
}
