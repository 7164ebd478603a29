import { defineConfig } from '@adonisjs/core/bodyparser'

/* The API speaks JSON only: other bodies are refused (415) by #core/middleware/json_body_middleware before the parser. */
export default defineConfig({
  allowedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  json: {
    encoding: 'utf-8',
    limit: '256kb',
    strict: true,
    types: [
      'application/json',
      'application/json-patch+json',
      'application/vnd.api+json',
      'application/csp-report',
    ],
  },
  form: {
    encoding: 'utf-8',
    limit: '64kb',
    queryString: {},
    types: ['application/x-www-form-urlencoded'],
  },
  raw: {
    encoding: 'utf-8',
    limit: '64kb',
    types: ['text/*'],
  },
  multipart: {
    autoProcess: false,
    processManually: [],
    fieldsLimit: '64kb',
    limit: '1mb',
    types: ['multipart/form-data'],
  },
})
