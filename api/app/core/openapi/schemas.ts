/*
 * Component schemas for the wire format (French field names). Request
 * schemas come from the VineJS validators; these describe responses.
 */
const money = { type: 'string', pattern: '^-?\\d+\\.\\d{2}$', description: 'Decimal amount with two decimals', example: '1.20' }

const schemas: Record<string, Record<string, unknown>> = {
  Money: money,
  ErrorEnvelope: {
    type: 'object',
    required: ['timestamp', 'status', 'error', 'message', 'path', 'error_code', 'details'],
    properties: {
      timestamp: { type: 'string', format: 'date-time' },
      status: { type: 'integer' },
      error: { type: 'string', example: 'Not Found' },
      message: { type: 'string' },
      path: { type: 'string' },
      error_code: { type: 'string', example: 'NOT_FOUND' },
      details: {
        type: ['object', 'null'],
        description: 'Context for the error_code; other keys than these appear per code (see GET /api/v1/errors)',
        required: [],
        properties: {
          validation_errors: {
            type: 'array',
            description: 'VALIDATION_ERROR: one entry per invalid field',
            items: {
              type: 'object',
              required: ['field', 'message', 'type'],
              properties: { field: { type: 'string' }, message: { type: 'string' }, type: { type: 'string', description: 'The rule that failed' } },
            },
          },
          resource: { type: 'string', description: 'NOT_FOUND, DUPLICATE_RESOURCE, RESOURCE_IN_USE' },
          identifier: { type: ['string', 'integer', 'null'], description: 'NOT_FOUND, RESOURCE_IN_USE' },
          used_by: { type: 'array', items: { type: 'string' }, description: 'RESOURCE_IN_USE: what refers to the resource' },
        },
        additionalProperties: true,
      },
    },
  },
  Product: {
    type: 'object',
    required: ['id', 'code', 'nom', 'description', 'prix', 'quantite_stock', 'categorie_id', 'code_barre', 'actif'],
    properties: {
      id: { type: 'integer' },
      code: { type: 'string', example: 'ALI001' },
      nom: { type: 'string', example: 'Pain' },
      description: { type: ['string', 'null'], example: 'Baguette tradition' },
      prix: money,
      quantite_stock: { type: 'integer', description: 'On-hand quantity at the central warehouse' },
      categorie_id: { type: 'integer' },
      code_barre: { type: ['string', 'null'] },
      actif: { type: 'boolean' },
    },
  },
  Store: {
    type: 'object',
    required: ['id', 'nom', 'adresse', 'telephone', 'email'],
    properties: {
      id: { type: 'integer' },
      nom: { type: 'string', example: 'Magasin Centre-Ville' },
      adresse: { type: ['string', 'null'], example: '123 Rue Principale' },
      telephone: { type: ['string', 'null'], example: '514-555-0001' },
      email: { type: ['string', 'null'], example: 'centre@magasin.com' },
    },
  },
  Health: {
    type: 'object',
    required: ['status', 'message', 'instance', 'checks'],
    properties: {
      status: { enum: ['healthy', 'degraded', 'unhealthy'] },
      message: { type: 'string' },
      instance: { type: 'string' },
      checks: { $ref: '#/components/schemas/HealthChecks' },
    },
  },
}

/**
 * Modules add the schemas of their own wire types here (from their
 * routes.ts), so no module edits another's file.
 */
export function registerSchemas(moduleSchemas: Record<string, Record<string, unknown>>) {
  for (const [name, schema] of Object.entries(moduleSchemas)) {
    if (schemas[name] && schemas[name] !== schema) throw new Error(`OpenAPI schema ${name} registered twice`)
    schemas[name] = schema
  }
}

export function componentSchemas() {
  return schemas
}

/** `{ total, page, size, items }` around a component schema. */
export function pageOf(component: string) {
  return {
    type: 'object',
    required: ['total', 'page', 'size', 'items'],
    properties: {
      total: { type: 'integer', minimum: 0, description: 'Rows matching the filters, all pages together', example: 1 },
      page: { type: 'integer', minimum: 1, example: 1 },
      size: { type: 'integer', minimum: 1, example: 20 },
      items: { type: 'array', items: { $ref: `#/components/schemas/${component}` } },
    },
  }
}
