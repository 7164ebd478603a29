/*
 * `make help` prints the `## ` text of each target: it must say what the target really does,
 * so it is checked against what the target runs — the scenarios `make bench` accepts, the
 * folders `make lint` checks, the packages `make system-deps` installs.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

import { scenarios } from '../../k6-tests/scenarios.js'
import { requireTool } from '../lib/tools.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const makefile = readFileSync(join(ROOT, 'Makefile'), 'utf8')

/** The help text and the recipe lines of a target. */
function target(name) {
  const lines = makefile.split('\n')
  const index = lines.findIndex((line) => line.startsWith(`${name}:`))
  assert.ok(index >= 0, `no target ${name} in the Makefile`)
  const help = lines[index].match(/## (.*)$/)?.[1]
  assert.ok(help, `target ${name} has no help text`)
  const recipe = []
  for (let i = index + 1; i < lines.length && lines[i].startsWith('\t'); i++) recipe.push(lines[i])
  return { help, recipe: recipe.join('\n') }
}

test('make bench: the help lists every scenario of k6-tests/scenarios.js, and only those', () => {
  const listed = target('bench').help.match(/SCENARIO=([\w|-]+)/)?.[1].split('|')
  assert.ok(listed, 'the bench help names no SCENARIO=…')
  assert.deepEqual([...listed].sort(), Object.keys(scenarios).sort())
})

test('make bench: the help names the variables the recipe passes on', () => {
  const { help, recipe } = target('bench')
  for (const variable of [...recipe.matchAll(/\$\(if \$\((\w+)\)/g)].map((m) => m[1])) {
    assert.match(help, new RegExp(`\\b${variable}=`), `the bench help does not mention ${variable}=`)
  }
})

test('make lint: the help names every folder ESLint is run on', () => {
  const { help, recipe } = target('lint')
  const folders = recipe.match(/eslint --max-warnings=0 ([\w ./-]+)/)?.[1].trim().split(/\s+/)
  assert.ok(folders?.length, 'no eslint command in the lint recipe')
  for (const folder of folders) assert.match(help, new RegExp(`\\b${folder}\\b`), `the lint help does not name ${folder}`)
})

test('make system-deps: the help names every Debian package scripts/system-deps.sh installs', () => {
  const script = readFileSync(join(ROOT, 'scripts', 'system-deps.sh'), 'utf8')
  const packages = [...script.matchAll(/^\s+\[[\w-]+\]=([\w.-]+)$/gm)].map((m) => m[1])
  assert.ok(packages.length >= 3, 'no package found in system-deps.sh')
  const { help } = target('system-deps')
  for (const name of packages) assert.match(help, new RegExp(`\\b${name}\\b`), `the system-deps help does not name ${name}`)
})

/*
 * Colour codes only on a terminal: `make help > targets.txt` or `make help | grep lb` must get plain
 * text (they got \033[36m around every target name), and NO_COLOR (no-color.org) turns them off.
 */
const ESC = '\u001b['

function makeHelp({ terminal, env = {}, args = [] }) {
  const options = { cwd: ROOT, encoding: 'utf8', timeout: 30_000, env: { ...process.env, TERM: 'xterm', NO_COLOR: '', ...env } }
  const make = ['make', '--no-print-directory', 'help', ...args]
  // `script` gives make a pseudo-terminal as stdout; its own output still comes back through a pipe.
  const result = terminal
    ? spawnSync(requireTool('script'), ['-qec', make.join(' '), '/dev/null'], options)
    : spawnSync(make[0], make.slice(1), options)
  assert.equal(result.status, 0, `${make.join(' ')} failed:\n${result.stdout}${result.stderr}`)
  // eslint-disable-next-line no-control-regex -- the colour codes are what is stripped
  assert.match(result.stdout.replace(/\u001b\[[0-9;]*m/g, ''), /^ {2}lb-status +Show each process/m, 'the help lists no target')
  return result.stdout
}

test('make help into a pipe or a file: plain text, no colour codes', () => {
  assert.ok(!makeHelp({ terminal: false }).includes(ESC), 'colour codes in piped output')
})

test('make help on a terminal: target names in colour, unless NO_COLOR is set', () => {
  assert.ok(makeHelp({ terminal: true }).includes(`${ESC}36mlb-status`), 'no colour on a terminal')
  assert.ok(!makeHelp({ terminal: true, env: { NO_COLOR: '1' } }).includes(ESC), 'colour despite NO_COLOR in the environment')
  assert.ok(!makeHelp({ terminal: true, args: ['NO_COLOR=1'] }).includes(ESC), 'colour despite make help NO_COLOR=1')
})
