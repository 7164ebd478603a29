// Page titles in the reader's language: a route's meta() gets the matched
// routes, among them the root's data (RootData, with the language).
import { DEFAULT_LANG, isLang, translate, type MessageKey, type MessageParams } from './i18n/index.ts'

interface MatchWithData {
  id: string
  data?: unknown
}

/** "Tableau de bord · Comptoir" (or "Dashboard · Comptoir" in English). */
export function pageTitle(matches: readonly MatchWithData[], key: MessageKey, params?: MessageParams): string {
  const root = matches.find((match) => match.id === 'root')?.data as { lang?: unknown } | undefined
  const lang = isLang(root?.lang) ? root.lang : DEFAULT_LANG
  return `${translate(lang, key, params)} · Comptoir`
}
