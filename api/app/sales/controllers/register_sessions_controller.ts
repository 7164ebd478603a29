import type { HttpContext } from '@adonisjs/core/http'
import { created } from '#core/created'
import db from '@adonisjs/lucid/services/db'
import { ApiError } from '#core/api_error'
import { toCents } from '#core/money_input'
import { validateBody, validateQuery } from '#core/validation'
import { assertStoreAccess, countsBlind } from '#access/policies'
import { openSession } from '#sales/actions/open_session'
import { closeSession } from '#sales/actions/close_session'
import { sessionFigures, sessionRecord, sessionRecordOfModel } from '#sales/queries/session_report'
import { loadRegisterContext } from '#sales/queries/register_context'
import { sessionForCaller, sessionHistoryItemToWire, sessionSummaryToWire, sessionToWire } from '#sales/transformers/session_transformer'
import RegisterSession from '#sales/models/register_session'
import { paginate } from '#core/pagination'
import { recordBusinessEvent } from '#core/business_events'
import { whereBusinessDays } from '#core/business_time'
import {
  closeSessionBody,
  currentSessionQuery,
  listSessionsQuery,
  openSessionBody,
  registerIdParams,
  sessionIdParams,
} from '#sales/validators/session_validators'

async function storeOfSession(sessionId: number) {
  const row = await db
    .from('register_sessions')
    .join('registers', 'registers.id', 'register_sessions.register_id')
    .where('register_sessions.id', sessionId)
    .select('registers.store_id')
    .first()
  if (!row) throw ApiError.notFound('Register session', sessionId)
  return row.store_id as number
}

export default class RegisterSessionsController {
  async open(ctx: HttpContext) {
    const { id } = await registerIdParams.validate(ctx.params)
    const input = await validateBody(openSessionBody, ctx)
    const sessionId = await openSession(
      id,
      { openingFloatCents: toCents(input.fond_de_caisse, 'fond_de_caisse'), note: input.note ?? null },
      ctx.principal
    )
    recordBusinessEvent({ type: 'register_session', action: 'open', sessionId, registerId: id, requestId: ctx.request.id() })
    return created(ctx, `/register-sessions/${sessionId}`, sessionForCaller(await sessionFigures(sessionId), countsBlind(ctx.principal)))
  }

  async current(ctx: HttpContext) {
    const { id } = await registerIdParams.validate(ctx.params)
    const { rapport } = await validateQuery(currentSessionQuery, ctx)
    const register = await loadRegisterContext(id, 'id')
    assertStoreAccess(ctx.principal, register.storeId)
    const open = await db.from('register_sessions').where('register_id', id).whereNull('closed_at').first()
    if (!open) throw ApiError.notFound('Open register session for register', id)
    // The report reads every sale of the session: only when asked for (the default, as before).
    if (rapport === false) return sessionSummaryToWire(sessionRecord(open))
    return sessionForCaller(await sessionFigures(open.id), countsBlind(ctx.principal))
  }

  /** The register's drawer sessions, newest first: where a closed session's Z report is found again. */
  async index(ctx: HttpContext) {
    const { id } = await registerIdParams.validate(ctx.params)
    const { page, size, statut, date_debut: from, date_fin: to } = await validateQuery(listSessionsQuery, ctx)
    const register = await loadRegisterContext(id, 'id')
    assertStoreAccess(ctx.principal, register.storeId)
    const query = RegisterSession.query()
      .where('register_id', id)
      .if(statut === 'ouverte', (q) => q.whereNull('closed_at'))
      .if(statut === 'fermee', (q) => q.whereNotNull('closed_at'))
    whereBusinessDays(query, 'opened_at', { from, to })
    return paginate(query, { page, size, sort: { column: 'opened_at', direction: 'desc' } }, (row) =>
      sessionHistoryItemToWire(sessionRecordOfModel(row))
    )
  }

  async show({ params, principal }: HttpContext) {
    const { id } = await sessionIdParams.validate(params)
    assertStoreAccess(principal, await storeOfSession(id))
    return sessionForCaller(await sessionFigures(id), countsBlind(principal))
  }

  async close(ctx: HttpContext) {
    const { id } = await sessionIdParams.validate(ctx.params)
    const input = await validateBody(closeSessionBody, ctx)
    const figures = await closeSession(
      id,
      { countedCashCents: toCents(input.especes_comptees, 'especes_comptees'), note: input.note ?? null },
      ctx.principal
    )
    recordBusinessEvent({
      type: 'register_session',
      action: 'close',
      sessionId: id,
      registerId: figures.session.registerId,
      requestId: ctx.request.id(),
    })
    return sessionToWire(figures)
  }
}
