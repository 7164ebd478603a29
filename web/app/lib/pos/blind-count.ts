// A clerk counts the drawer blind (ADR 0026): while the session is open the
// clerk sees how many sales and returns it holds, never an amount from which
// the expected cash follows (tenders, totals, refunds, roundings). A count made
// knowing the expected figure tends to find it, and the variance then says
// nothing. The API answers a clerk's token with the counts only
// (`rapport_aveugle`); the loader keeps to them whatever it is sent, so the
// amounts are not in the page's data either. Managers see the full X report,
// and everyone the Z one.
import type { SessionReportWire } from '../api/wire.ts'
import type { RegisterSession } from '../stores.server.ts'
import type { SessionUser } from '../auth/roles.ts'
import type { Message } from '../i18n/index.ts'

/** What a clerk is shown of an open session's X report. */
export interface BlindSessionReport {
  blind: true
  id: number
  statut: 'ouverte'
  ouverte_le: string
  /** Counted by the clerk at opening: not a secret. */
  fond_de_caisse: string
  note: string | null
  salesCount: number
  returnsCount: number
}

export type SessionReportView = SessionReportWire | BlindSessionReport

export function isBlind(view: SessionReportView): view is BlindSessionReport {
  return 'blind' in view && view.blind
}

/** The session's report as this user may see it. */
export function sessionReportFor(user: Pick<SessionUser, 'role'>, session: RegisterSession): SessionReportView {
  const blind = user.role === 'clerk' && session.statut === 'ouverte'
  if (!blind && session.rapport) return session as SessionReportWire
  const counts = blind ? (session.rapport_aveugle ?? session.rapport) : undefined
  if (!counts) throw new Error(`register session ${session.id} came without its report`)
  return {
    blind: true,
    id: session.id,
    statut: 'ouverte',
    ouverte_le: session.ouverte_le,
    fond_de_caisse: session.fond_de_caisse,
    note: session.note ?? null,
    salesCount: counts.ventes.nombre,
    returnsCount: counts.retours.nombre,
  }
}

/**
 * A refusal as this user may read it: a cash refund larger than the drawer
 * names the drawer's cash, which a clerk could learn that way; the clerk is
 * told only that the drawer lacks it.
 */
export function refusalFor(user: Pick<SessionUser, 'role'>, message: Message): Message {
  if (user.role !== 'clerk' || message.key !== 'api.insufficientCash') return message
  return { key: 'api.insufficientCashBlind', params: { refund: message.params?.refund ?? '' } }
}
