import type { Message } from './i18n/index.ts'

/** A one-time message shown at the top of the next page ("Vente enregistrée"). */
export interface Notice {
  kind: 'success' | 'info' | 'warning' | 'danger'
  message: Message
}
