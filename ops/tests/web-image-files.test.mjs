/*
 * The web image's runtime stage copies only the Express host and the build: every module that
 * web/server.js imports from the source tree (itself, web/server/, and what they import from
 * web/app/) must be among what it copies, or the container dies at start while `make test`,
 * which runs from the checkout, passes.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from 'node:test'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The files web/server.js loads from the repository, following relative imports (paths from ROOT). */
function sourceImports(entry) {
  const seen = new Set()
  const visit = (file) => {
    const path = relative(ROOT, file)
    if (seen.has(path)) return
    seen.add(path)
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.{1,2}\/[^']+)'/gm)) {
      visit(join(dirname(file), specifier))
    }
  }
  visit(join(ROOT, entry))
  return [...seen]
}

/** The sources of the COPY lines of the Dockerfile's last stage that copy from the build context. */
function runtimeCopies(dockerfile) {
  const stages = readFileSync(join(ROOT, dockerfile), 'utf8').split(/^FROM\s/m)
  return stages
    .at(-1)
    .split('\n')
    .filter((line) => /^COPY\s/.test(line) && !line.includes('--from='))
    .flatMap((line) => line.trim().split(/\s+/).slice(1, -1))
}

test('every module web/server.js imports from the source tree is copied into the web image', () => {
  const copies = runtimeCopies('docker/web.Dockerfile')
  const imported = sourceImports('web/server.js')
  assert.ok(imported.includes('web/app/lib/env.server.ts'), `imports found: ${imported}`)
  const missing = imported.filter((path) => !copies.some((source) => path === source || path.startsWith(source.endsWith('/') ? source : `${source}/`)))
  assert.deepEqual(missing, [], 'add a COPY line to docker/web.Dockerfile for each')
})
