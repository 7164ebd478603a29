import { errorCodes } from '#core/error_codes'

export default class ErrorCodesController {
  index() {
    return {
      error_codes: errorCodes,
      response_format: {
        timestamp: 'ISO-8601 time of the error',
        status: 'HTTP status code',
        error: 'HTTP reason phrase',
        message: 'Human-readable explanation',
        path: 'Request path',
        error_code: 'One of error_codes',
        details: 'Structured context (validation_errors, resource, identifier, ...) or null',
      },
    }
  }
}
