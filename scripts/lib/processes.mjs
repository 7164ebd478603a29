/*
 * Starting, watching and stopping the services `make` runs, without Docker:
 * each is a child process whose output is prefixed, or a detached daemon
 * whose pid is kept under .data/run/.
 */
import { spawn } from 'node:child_process'
import net from 'node:net'
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { NODE_BIN, RUN } from './paths.mjs'

export function withNodePath(env = process.env) {
  return { ...env, PATH: `${NODE_BIN}:${env.PATH ?? ''}` }
}

/** Runs a command to completion, inheriting stdio; rejects on a non-zero exit. */
export function run(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options, env: withNodePath(options.env) })
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise()
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}`))
    })
    child.on('error', reject)
  })
}

/** Runs a command and resolves with its exit code (never rejects on failure). */
export function runStatus(command, args, options = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options, env: withNodePath(options.env) })
    child.on('exit', (code) => resolvePromise(code ?? 1))
    child.on('error', () => resolvePromise(127))
  })
}

/**
 * A long-running child whose lines are prefixed with its name (for `make dev`), in its own
 * process group so that stopSupervised ends it with everything it started.
 */
export function supervise(name, command, args, options = {}) {
  const child = spawn(command, args, { ...options, env: withNodePath(options.env), stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  const prefix = `[${name}] `
  for (const stream of [child.stdout, child.stderr]) {
    let pending = ''
    stream.on('data', (chunk) => {
      pending += chunk.toString()
      const lines = pending.split('\n')
      pending = lines.pop()
      for (const line of lines) process.stdout.write(prefix + line + '\n')
    })
  }
  return child
}

const hasExited = (child) => child.exitCode !== null || child.signalCode !== null

/**
 * Stops supervised children and waits until each has exited. SIGINT to the child's whole group,
 * as Ctrl-C does in a terminal: `ace serve --watch` ignores SIGTERM (its API kept running, and
 * `make dev` waited for it forever when it was sent SIGTERM), and the group also reaches what the
 * child started (the API server under ace). SIGKILL for what is still there after graceMs.
 * A child that already exited, by a signal too, is not waited for (it used to be, forever).
 */
export function stopSupervised(children, { graceMs = 10_000 } = {}) {
  const signal = (child, name) => {
    try {
      process.kill(-child.pid, name)
    } catch {}
  }
  return Promise.all(
    children.map(
      (child) =>
        new Promise((resolvePromise) => {
          if (hasExited(child)) {
            signal(child, 'SIGINT') // what it started may outlive it
            return resolvePromise()
          }
          const timer = setTimeout(() => signal(child, 'SIGKILL'), graceMs)
          child.once('exit', () => {
            clearTimeout(timer)
            resolvePromise()
          })
          signal(child, 'SIGINT')
        })
    )
  )
}

/**
 * Starts a detached daemon, logging to <runDir>/<name>.log, and records its pid there.
 * runDir defaults to .data/run/; the load-balanced topology and its test keep their own.
 */
export function daemon(name, command, args, { runDir = RUN, ...options } = {}) {
  mkdirSync(runDir, { recursive: true })
  const log = openSync(join(runDir, `${name}.log`), 'a')
  const child = spawn(command, args, {
    ...options,
    env: withNodePath(options.env),
    detached: true,
    stdio: ['ignore', log, log],
  })
  // With its start time: after a reboot the pid may belong to another process by then.
  writeFileSync(join(runDir, `${name}.pid`), [child.pid, startTimeOf(child.pid)].filter(Boolean).join(' '))
  child.unref()
  return child.pid
}

/** When the kernel started a process (clock ticks since boot), or null where /proc cannot tell. */
export function startTimeOf(pid) {
  try {
    // /proc/<pid>/stat: "pid (comm) state …"; after the comm, field 22 (starttime) is the 20th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null
  } catch {
    return null
  }
}

/** True for a live process; a zombie (killed, not yet reaped by its new parent) is not one. */
export function isAlive(pid) {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    // /proc/<pid>/stat: "pid (comm) state ..."; comm may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
  } catch {
    return true
  }
}

/**
 * The pid of a daemon started by daemon(), or null (and the pid file removed) when it no longer
 * runs. A pid file left by a daemon that died, or by a reboot, may name a pid the system has
 * since given to another process: the start time recorded beside the pid tells them apart, so
 * `make start` does not say "Already running" about a stranger and `make stop` never kills one.
 */
export function pidOf(name, runDir = RUN) {
  const file = join(runDir, `${name}.pid`)
  if (!existsSync(file)) return null
  const [pid, startedAt] = readFileSync(file, 'utf8').trim().split(/\s+/).map(Number)
  // Pid files written before the start time was recorded hold the pid alone.
  if (pid > 0 && isAlive(pid) && (!startedAt || String(startedAt) === (startTimeOf(pid) ?? String(startedAt)))) return pid
  rmSync(file, { force: true })
  return null
}

/** Stops a daemon (its whole process group) and waits for it to exit. */
export async function stopDaemon(name, { runDir = RUN, timeoutMs = 10_000 } = {}) {
  const pid = pidOf(name, runDir)
  if (!pid) return false
  try {
    process.kill(-pid, 'SIGTERM')
  } catch {
    process.kill(pid, 'SIGTERM')
  }
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline && pidOf(name, runDir)) await sleep(100)
  if (pidOf(name, runDir)) {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {}
  }
  rmSync(join(runDir, `${name}.pid`), { force: true })
  return true
}

/** True when something already accepts connections on 127.0.0.1:port. */
export function portInUse(port) {
  return new Promise((resolvePromise) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolvePromise(true)
    })
    socket.once('error', () => resolvePromise(false))
  })
}

/**
 * True for a port that fetch() refuses to reach (the Fetch standard's "bad ports": 5060, 6000,
 * 6665-6669, 10080…). Every health check here, and the tests, talk to the services with fetch:
 * a service on such a port runs but is never seen healthy ("fetch failed" after a minute).
 */
export async function fetchRefusesPort(port) {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) })
    return false
  } catch (error) {
    return error?.cause?.message === 'bad port'
  }
}

/** Refuses to start a service on a port another process holds (it would answer in our place). */
export async function assertPortFree(port, name) {
  if (await fetchRefusesPort(port)) {
    throw new Error(`Port ${port} (${name}) is one fetch() refuses to connect to (a "bad port" of the Fetch standard, like 5060 or 6000): choose another.`)
  }
  if (await portInUse(port)) {
    throw new Error(`Port ${port} (${name}) is already in use by another process; stop it or set the port variable.`)
  }
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms))
}

/** Polls a URL until it answers 2xx (or the timeout passes). */
export async function waitForHttp(url, timeoutMs = 60_000, label = url) {
  const deadline = Date.now() + timeoutMs
  let lastError = ''
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      if (response.ok) return
      lastError = `HTTP ${response.status}`
    } catch (error) {
      lastError = error.message
    }
    await sleep(250)
  }
  throw new Error(`${label} did not become healthy within ${timeoutMs / 1000}s (${lastError})`)
}
