import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyHeader } from '#core/idempotency'
import type { HeaderDoc, ResponseDoc } from '#core/openapi/registry'

type JsonSchema = Record<string, unknown>

/* The header's schema is the validator's, so the document states the rule the API applies. */
const keySchema = (idempotencyKeyHeader.toJSONSchema() as { properties: Record<string, JsonSchema> }).properties[IDEMPOTENCY_KEY_HEADER]

const REPLAYED = 'answers with the first result (200, Idempotent-Replayed: true) and writes nothing again'

/**
 * The optional Idempotency-Key request header of a write that may be retried;
 * `retry` says what a retry with the same key and body gets, when not the replay.
 */
export function idempotencyKey(what: string, retry = REPLAYED): HeaderDoc {
  return {
    name: IDEMPOTENCY_KEY_HEADER,
    description:
      `Optional; one unique key per ${what}: 8–100 characters of A-Z a-z 0-9 . _ : -, e.g. a UUID made when the ` +
      'form opens. Keys belong to the caller: a user (whichever session or token they call with) or an ' +
      'integration token; another caller may use the same key for a write of its own. ' +
      `A retry with the same key and the same body ${retry}; the same key with another body is a 409 ` +
      'IDEMPOTENCY_CONFLICT; an empty or malformed key is a 422.',
    schema: keySchema,
    example: '0b6f1c2e-7d4a-4f7e-9a53-2c8e5d1f3a90',
  }
}

/** The 200 that replays an earlier request with the same Idempotency-Key. */
export function replayed(description: string, schema: string): ResponseDoc {
  return {
    description,
    schema,
    headers: {
      'Idempotent-Replayed': {
        description: 'Present (true) when this answers an earlier request with the same Idempotency-Key',
        schema: { type: 'string', const: 'true' },
      },
    },
  }
}

/** The Location header of a 201: the URL that reads the created resource back. */
export function location(pattern: string): NonNullable<ResponseDoc['headers']> {
  return {
    Location: {
      description: `Where the created resource is read back: ${pattern}`,
      schema: { type: 'string', pattern: `^${pattern.replace(/\{\w+\}/g, '[0-9]+')}$` },
    },
  }
}
