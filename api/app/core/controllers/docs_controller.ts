import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { HttpContext } from '@adonisjs/core/http'
import { ApiError } from '#core/api_error'
import { generateOpenApiDocument } from '#core/openapi/generate'
import { ownEntry } from '#core/own_entry'

const require = createRequire(import.meta.url)
const SWAGGER_DIR = dirname(require.resolve('swagger-ui-dist/package.json'))
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Comptoir API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
  <script src="/docs/assets/init.js"></script>
</body>
</html>`

/* Kept in a file of its own so the page needs no inline script. */
const INIT = `window.ui = SwaggerUIBundle({
  url: '/api/v1/openapi.json',
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
  showExtensions: true
})`

/*
 * The page runs only its own files (no inline script: init.js), may not be framed, and talks only
 * to this API. Swagger UI sets inline styles and draws data: images.
 */
const PAGE_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"

let cachedDocument: string | null = null

/**
 * The OpenAPI document and a Swagger UI served from the npm package, so
 * the docs work on a machine without internet access.
 */
export default class DocsController {
  async openapi({ response }: HttpContext) {
    cachedDocument ??= JSON.stringify(generateOpenApiDocument(process.env.npm_package_version ?? '1.0.0'))
    return response.header('content-type', 'application/json; charset=utf-8').send(cachedDocument)
  }

  async page({ response }: HttpContext) {
    return response
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', PAGE_POLICY)
      .header('x-frame-options', 'DENY')
      .header('x-content-type-options', 'nosniff')
      .send(PAGE)
  }

  async asset({ params, response }: HttpContext) {
    const name = String(params.file)
    if (name === 'init.js') {
      return response.header('content-type', 'application/javascript; charset=utf-8').send(INIT)
    }
    const contentType = ownEntry(ASSETS, name)
    if (!contentType) throw ApiError.notFound('Documentation asset', name)
    const body = await readFile(join(SWAGGER_DIR, name))
    return response
      .header('content-type', contentType)
      .header('cache-control', 'public, max-age=86400')
      .send(body)
  }
}
