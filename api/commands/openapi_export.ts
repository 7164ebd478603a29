import { writeFileSync } from 'node:fs'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Writes the OpenAPI document the API serves, for the web app's typed client. */
export default class OpenApiExport extends BaseCommand {
  static commandName = 'openapi:export'
  static description = 'Write the OpenAPI document (the one served at /api/v1/openapi.json) to a file'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Output file (stdout when omitted)' })
  declare out?: string

  async run() {
    const { generateOpenApiDocument } = await import('#core/openapi/generate')
    const document = JSON.stringify(generateOpenApiDocument('1.0.0'), null, 2) + '\n'
    if (this.out) writeFileSync(this.out, document)
    else process.stdout.write(document)
  }
}
