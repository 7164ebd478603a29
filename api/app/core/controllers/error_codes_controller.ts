import { errorCatalogue } from '#core/error_codes'

export default class ErrorCodesController {
  index() {
    return errorCatalogue
  }
}
