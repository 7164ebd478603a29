import assert from 'node:assert/strict'
import { test } from 'node:test'

import { remixRouteLabel } from '../../server/route-label.js'

// Same shape as a Remix server build's `routes`.
const manifest = {
  root: { id: 'root', path: '' },
  'routes/_index': { id: 'routes/_index', parentId: 'root', index: true },
  'routes/magasins.$id': { id: 'routes/magasins.$id', parentId: 'root', path: 'magasins/:id' },
  'routes/magasins.$id.caisses': {
    id: 'routes/magasins.$id.caisses',
    parentId: 'routes/magasins.$id',
    path: 'caisses',
  },
}

test('labels a request with its route pattern, never its raw URL', () => {
  assert.equal(remixRouteLabel(manifest, '/'), '/')
  assert.equal(remixRouteLabel(manifest, '/magasins/3'), '/magasins/:id')
  assert.equal(remixRouteLabel(manifest, '/magasins/3/caisses'), '/magasins/:id/caisses')
})

test('labels single-fetch data requests like their document', () => {
  assert.equal(remixRouteLabel(manifest, '/_root.data'), '/')
  assert.equal(remixRouteLabel(manifest, '/magasins/7.data'), '/magasins/:id')
})

test('collapses every unknown URL into one label', () => {
  assert.equal(remixRouteLabel(manifest, '/wp-login.php'), 'not_found')
  assert.equal(remixRouteLabel(manifest, '/magasins'), 'not_found')
})
