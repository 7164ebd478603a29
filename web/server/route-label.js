// @ts-check
import { matchRoutes } from '@remix-run/react'

/**
 * @typedef {{ id: string, parentId?: string, path?: string, index?: boolean }} ManifestRoute
 * @typedef {{ id: string, path?: string, index: true } | { id: string, path?: string, index?: false, children: RouteNode[] }} RouteNode
 */

/** @type {WeakMap<object, RouteNode[]>} */
const treeCache = new WeakMap()
/** @type {WeakMap<object, Map<string, string>>} */
const labelCache = new WeakMap()
// Paths carry ids (/magasins/3/caisses): bounded, and emptied when full rather than tracked per entry.
const MAX_CACHED_LABELS = 5_000

/**
 * @param {Record<string, ManifestRoute | undefined>} manifest
 * @param {string | undefined} parentId
 * @returns {RouteNode[]}
 */
function buildTree(manifest, parentId) {
  return Object.values(manifest)
    .filter((route) => route !== undefined && route.parentId === parentId)
    .map((route) => {
      const node = /** @type {ManifestRoute} */ (route)
      return node.index
        ? { id: node.id, path: node.path, index: true }
        : { id: node.id, path: node.path, children: buildTree(manifest, node.id) }
    })
}

// Single-fetch data requests carry a `.data` suffix (`/_root.data` for `/`):
// they must be labelled with the same route as the document request.
/** @param {string} pathname */
function documentPathOf(pathname) {
  if (pathname === '/_root.data') return '/'
  return pathname.endsWith('.data') ? pathname.slice(0, -'.data'.length) : pathname
}

/**
 * Metrics label for a request handled by Remix: the matched route pattern
 * (e.g. "/magasins/:id"), never the raw URL, so label cardinality stays bounded.
 * @param {Record<string, ManifestRoute | undefined>} manifest the server build's `routes`
 * @param {string} pathname
 */
export function remixRouteLabel(manifest, pathname) {
  if (pathname === '/__manifest') return '/__manifest'
  // Matching walks every route; a page is asked for again and again.
  let labels = labelCache.get(manifest)
  if (!labels) {
    labels = new Map()
    labelCache.set(manifest, labels)
  }
  let label = labels.get(pathname)
  if (label === undefined) {
    if (labels.size >= MAX_CACHED_LABELS) labels.clear()
    label = matchLabel(manifest, pathname)
    labels.set(pathname, label)
  }
  return label
}

/**
 * @param {Record<string, ManifestRoute | undefined>} manifest
 * @param {string} pathname
 */
function matchLabel(manifest, pathname) {
  let tree = treeCache.get(manifest)
  if (!tree) {
    tree = buildTree(manifest, undefined)
    treeCache.set(manifest, tree)
  }
  const matches = matchRoutes(tree, documentPathOf(pathname))
  if (!matches) return 'not_found'
  const pattern = matches
    .map((match) => match.route.path)
    .filter((segment) => segment !== undefined && segment !== '')
    .join('/')
  return '/' + pattern.replace(/^\/+/, '')
}

/**
 * The route label of a finished request, for metrics and the access log: the
 * Express route that matched, the Remix route pattern set before the Remix
 * handler ran (res.locals.routeLabel), or "static" for files served before any route.
 * @param {import('express').Request} req
 * @param {import('express').Response} res
 * @returns {string}
 */
export function routeLabelOf(req, res) {
  return res.locals.routeLabel ?? req.route?.path ?? 'static'
}
