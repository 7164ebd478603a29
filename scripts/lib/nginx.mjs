/*
 * Debian's nginx in front of API instances, without Docker and without /etc/nginx: the
 * configuration is rendered from nginx/comptoir.conf.template into its own folder, which
 * also holds the pid file, temp files and logs. nginx runs in the foreground (daemon off)
 * as one of our daemons, so its pid and output are kept like every other service's.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderNginxConfig } from '../../nginx/render.mjs'
import { daemon } from './processes.mjs'

/** Debian installs nginx in /usr/sbin, which is not on every user's PATH. */
export function nginxBinary() {
  const found = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path))
  if (found) return found
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' })
  if (which.status === 0) return which.stdout.trim()
  throw new Error('nginx is not installed: run `make system-deps` (Debian package nginx)')
}

/**
 * Renders the configuration into `dir` and checks it with `nginx -t`.
 * @param {{ dir: string, api: string[], web: string, listen: string, status: string }} options
 * @returns {string} the configuration file
 */
export function writeNginxConfig({ dir, api, web, listen, status }) {
  mkdirSync(dir, { recursive: true })
  // Workers run as `nobody` when the master is root: they must be able to enter the folder.
  chmodSync(dir, 0o755)
  const file = join(dir, 'nginx.conf')
  writeFileSync(file, renderNginxConfig({ api, web, listen, status, runtimeDir: dir }))
  const check = spawnSync(nginxBinary(), ['-t', ...nginxArgs(dir, file)], { encoding: 'utf8' })
  if (check.status !== 0) throw new Error(`nginx -t rejected ${file}:\n${check.stderr}`)
  return file
}

/** -p and -e keep nginx away from /etc/nginx and /var/log/nginx, even before it reads its config. */
export function nginxArgs(dir, file) {
  return ['-p', dir, '-e', join(dir, 'error.log'), '-c', file]
}

/** Starts nginx in the foreground as a daemon named `name` (see processes.mjs). */
export function startNginx({ name = 'nginx', runDir, ...config }) {
  const file = writeNginxConfig(config)
  return daemon(name, nginxBinary(), [...nginxArgs(config.dir, file), '-g', 'daemon off;'], { runDir })
}
