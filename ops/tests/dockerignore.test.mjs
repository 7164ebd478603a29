/*
 * The Docker build context leaves out whatever git leaves out (dependencies, builds, the copies
 * `make start` serves from, local data, secrets, logs): the images are built from the sources in
 * git only, and local state never ends up in a layer. Each .gitignore pattern is checked on a
 * sample path, at the top of the repository and inside a workspace.
 */
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, matchesGlob, resolve } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const patterns = (file) =>
  readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))

test('every path .gitignore leaves out is left out of the Docker build context', () => {
  const dockerignore = patterns('.dockerignore').filter((p) => !p.startsWith('!'))
  const ignoredByDocker = (path) => dockerignore.some((p) => matchesGlob(path, p.replace(/\/$/, '')))
  const missing = []
  for (const pattern of patterns('.gitignore').filter((p) => !p.startsWith('!'))) {
    const path = pattern.replace(/\/$/, '').replaceAll('*', 'x')
    // A pattern without a slash (but a trailing one) matches at any depth in git.
    const samples = path.includes('/') ? [path] : [path, `api/${path}`, `web/${path}`]
    for (const sample of samples) if (!ignoredByDocker(sample)) missing.push(`${sample} (.gitignore: ${pattern})`)
  }
  assert.deepEqual(missing, [], `in the Docker build context but ignored by git:\n${missing.join('\n')}`)
})

test('what the Dockerfiles COPY from the build context exists in git and is not left out of the context', () => {
  const dockerignore = patterns('.dockerignore').filter((p) => !p.startsWith('!'))
  const problems = []
  for (const file of ['docker/api.Dockerfile', 'docker/web.Dockerfile']) {
    for (const [, args] of readFileSync(join(ROOT, file), 'utf8').matchAll(/^COPY (?!--from)(.+)$/gm)) {
      const sources = args.trim().split(/\s+/).slice(0, -1)
      for (const source of sources.map((s) => s.replace(/\/$/, ''))) {
        if (!existsSync(join(ROOT, source))) problems.push(`${file}: ${source} does not exist`)
        if (dockerignore.some((p) => matchesGlob(source, p.replace(/\/$/, '')))) problems.push(`${file}: ${source} is in .dockerignore`)
      }
    }
  }
  assert.deepEqual(problems, [])
})
