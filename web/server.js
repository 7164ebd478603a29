// @ts-check
// Express host for the Remix app: plain JS so it runs without a build step.
import { createRequestHandler } from '@remix-run/express'
import compression from 'compression'
import express from 'express'
import { readdirSync } from 'node:fs'
import { hostname } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { logFileSettings } from './app/lib/env.server.ts'
import { refuseForeignOrigin } from './server/foreign-origin.js'
import { createLog } from './server/log.js'
import { createMetrics } from './server/metrics.js'
import { requestContext } from './server/request-context.js'
import { remixRouteLabel } from './server/route-label.js'
import { securityHeaders } from './server/security-headers.js'

const isDev = process.env.NODE_ENV !== 'production'
const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '127.0.0.1'
// Like the API's: host and port, unique per instance even when nothing names it.
const instance = process.env.INSTANCE_ID || `${hostname()}:${port}`
const webRoot = import.meta.dirname
// `make start` runs from a copy of the build, so that rebuilding never changes what a running server serves.
const buildDir = process.env.WEB_BUILD_DIR ?? path.join(webRoot, 'build')

const viteDevServer = isDev
  ? await import('vite').then((vite) =>
      vite.createServer({
        root: webRoot,
        server: { middlewareMode: true },
        appType: 'custom',
      })
    )
  : undefined

/** @returns {Promise<import('@remix-run/node').ServerBuild>} */
const loadBuild = viteDevServer
  ? () => viteDevServer.ssrLoadModule('virtual:remix/server-build').then((m) => /** @type {any} */ (m))
  : await (async () => {
      const build = await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href)
      return () => Promise.resolve(build)
    })()

const log = await createLog({ instance, file: logFileSettings() })
const metrics = createMetrics({ instance })
const app = express()
app.disable('x-powered-by')
// req.ip is the browser's address (forwarded to the API for its login rate
// limit); only a proxy on this machine may tell us another one.
app.set('trust proxy', process.env.TRUST_PROXY || 'loopback')

app.use(requestContext(log))
app.use(metrics.recordRequests)
app.use(securityHeaders({ isDev }))
app.use(refuseForeignOrigin())
app.use(compression())

app.get('/health', (_req, res) => {
  res.json({ status: 'ok', service: 'web' })
})
app.get('/metrics', metrics.exposeMetrics)

if (viteDevServer) {
  app.use(viteDevServer.middlewares)
} else {
  const clientDir = path.join(buildDir, 'client')
  // Files under /assets carry a content hash in their name, so they never change.
  app.use('/assets', express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y' }))
  // The build's other files are public/'s (the favicon): only their paths are looked up on disk, or
  // every page would pay a failed stat and the error built for it (3 % of a page's CPU).
  const rootFiles = new Set(readdirSync(clientDir, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => `/${entry.name}`))
  const serveRootFile = express.static(clientDir, { maxAge: '1h' })
  app.use((req, res, next) => (rootFiles.has(req.path) ? serveRootFile(req, res, next) : next()))
}

/** @type {import('express').RequestHandler} */
const labelRemixRoute = async (req, res, next) => {
  try {
    res.locals.routeLabel = remixRouteLabel((await loadBuild()).routes, req.path)
  } catch {
    res.locals.routeLabel = 'remix'
  }
  next()
}

app.all(
  '*',
  labelRemixRoute,
  createRequestHandler({
    build: loadBuild,
    mode: isDev ? 'development' : 'production',
    getLoadContext: (req, res) => ({
      requestId: res.locals.requestId,
      cspNonce: res.locals.cspNonce,
      clientIp: req.ip ?? '',
    }),
  })
)

const server = app.listen(port, host, () => {
  log.info('web server listening', { url: `http://${host}:${port}`, mode: isDev ? 'development' : 'production' })
})

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    server.close(() => log.close().then(() => process.exit(0)))
    viteDevServer?.close()
    // Keep-alive connections can hold close() open; do not hang a stop script.
    setTimeout(() => process.exit(0), 5000).unref()
  })
}
