// The returns page: find a sale (receipt number or today's list), take back
// some of its lines (POST /sales/{id}/returns) or all of it (POST
// /sales/{id}/cancel). The sale is never deleted; the API keeps both.
import { randomUUID } from 'node:crypto'

import { data } from '@remix-run/node'

import { ApiError, ok, okOrNull, type ApiClient } from './api/client.server.ts'
import type { components } from './api/schema'
import type { ReturnWire } from './api/wire.ts'
import type { SessionUser } from './auth/roles.ts'
import type { WebSession } from './auth/session.server.ts'
import { formatMoney, storeDay } from './format.ts'
import { echoFields } from './forms/refusals.ts'
import { parseCancelSale, parseReturn, type FieldErrors } from './forms/schemas.ts'
import type { Message } from './i18n/index.ts'
import { centsFromWire } from './money.ts'
import { returnsPath } from './paths.ts'
import { refusalFor } from './pos/blind-count.ts'
import { OVERRIDE_USERNAME, overrideFrom } from './pos/manager-override.ts'
import { authoriseManager, type OverrideClients, type OverrideRefusal } from './pos/manager-override.server.ts'
import { registerFor } from './pos/pos.server.ts'
import { registerHeading } from './pos/register-heading.ts'
import { refundsByTender, type TenderRefund } from './pos/refund-tenders.ts'
import { cancelBody, clerkReturnPeriodOver, handedBackCents, returnBody, returnsQuery } from './returns.ts'
import { actionErrorFrom, redirectWithNotice } from './request.server.ts'
import { findRegister, getStore } from './stores.server.ts'

type Sale = components['schemas']['Sale']

export { returnsPath }

const RECENT_SIZE = 10

export interface ReturnableLine {
  lineId: number
  code: string
  name: string
  unitPriceCents: number
  sold: number
  returned: number
  remaining: number
}

export interface SaleForReturn {
  id: number
  receiptNumber: string
  /** The register that rang it up. */
  registerId: number
  /** Past for a clerk: the end of their return period (a manager takes it back), else null. */
  clerkDeadlinePassed: string | null
  createdAt: string
  status: Sale['statut']
  totalCents: number
  refundedCents: number
  /** refundedCents by tender: what went back to the card, what left the drawer. */
  refundsByTender: TenderRefund[]
  lines: ReturnableLine[]
}

function saleForReturn(sale: Sale, user: SessionUser): SaleForReturn {
  return {
    id: sale.id,
    receiptNumber: sale.numero_recu,
    registerId: sale.caisse_id,
    clerkDeadlinePassed: clerkReturnPeriodOver(user, sale.retour_caissier_jusqua),
    createdAt: sale.cree_le ?? '',
    status: sale.statut,
    totalCents: centsFromWire(sale.total),
    refundedCents: centsFromWire(sale.montant_rembourse ?? '0.00'),
    refundsByTender: refundsByTender(sale),
    lines: sale.lignes.map((line) => {
      const sold = line.quantite ?? 0
      const returned = line.quantite_retournee ?? 0
      return {
        lineId: line.id ?? 0,
        code: line.code ?? '',
        name: line.nom ?? '',
        unitPriceCents: centsFromWire(line.prix_unitaire ?? '0.00'),
        sold,
        returned,
        remaining: Math.max(0, sold - returned),
      }
    }),
  }
}

/** "s1-r3-00000002 " → "S1-R3-00000002"; a bare number is a sale id. */
async function findSaleId(api: ApiClient, search: string): Promise<number | null> {
  const receipt = search.trim().toUpperCase()
  if (/^\d{1,9}$/.test(receipt)) return Number(receipt)
  if (!/^[A-Z0-9-]{1,32}$/.test(receipt)) return null
  const page = await ok(api.GET('/api/v1/sales', { params: { query: { numero_recu: receipt, size: 1 } } }))
  return page.items[0]?.id ?? null
}

export async function loadReturnsPage(
  { api, user }: { api: ApiClient; user: SessionUser; session: WebSession },
  registerId: number,
  url: URL
) {
  const register = await registerFor(api, user, registerId)
  const query = returnsQuery(url)
  const { search, returnId, page } = query
  let saleId = query.saleId
  let searchMiss = false
  if (!saleId && search) {
    saleId = await findSaleId(api, search)
    searchMiss = saleId === null
  }
  const today = storeDay()
  // A day to come has no sales to list: today's instead.
  const day = query.day !== null && query.day < today ? query.day : today
  const [store, recent, sale, lastReturn, drawer] = await Promise.all([
    getStore(api, register.magasin_id),
    ok(
      api.GET('/api/v1/sales', {
        params: { query: { caisse_id: register.id, date_debut: day, date_fin: day, size: RECENT_SIZE, page } },
      })
    ),
    saleId ? okOrNull(api.GET('/api/v1/sales/{id}', { params: { path: { id: saleId } } })) : Promise.resolve(null),
    returnId ? okOrNull(api.GET('/api/v1/returns/{id}', { params: { path: { id: returnId } } })) : Promise.resolve(null),
    // A cash refund leaves this register's drawer: the page says beforehand when it is closed (an
    // inactive register has none to ask about: the API refuses the question).
    register.actif
      ? okOrNull(api.GET('/api/v1/registers/{id}/sessions/current', { params: { path: { id: register.id }, query: { rapport: false } } }))
      : Promise.resolve(null),
  ])
  const missed = searchMiss || (saleId !== null && sale === null)
  // Goods go back to the store that sold them (the API refuses a register of another store): a
  // manager who finds another store's sale here is told where it is taken back.
  const elsewhere = sale !== null && sale.magasin_id !== register.magasin_id
  const saleStore = elsewhere && sale ? await getStore(api, sale.magasin_id) : null
  // Only for a sale of another of the store's registers; registerFor has them at hand.
  const soldAt = sale && !elsewhere && sale.caisse_id !== register.id ? await findRegister(api, user, sale.caisse_id) : null
  return {
    register: registerHeading(register, store),
    // An unknown ?vente= reads like an unknown receipt number: the message quotes what was asked for.
    search: search || (elsewhere && sale ? sale.numero_recu : missed && saleId !== null ? String(saleId) : ''),
    searchMiss: missed || elsewhere,
    /** The sale found is another store's: where it is taken back. */
    searchElsewhere: saleStore ? { storeId: saleStore.id, storeName: saleStore.nom } : null,
    sale: sale && !elsewhere ? saleForReturn(sale, user) : null,
    /** The register that sold it, when it is another of the store's. */
    soldAt: soldAt?.kind === 'found' ? soldAt.register.nom : null,
    drawerOpen: drawer !== null && drawer.statut === 'ouverte',
    lastReturn,
    recent: {
      day,
      today,
      page: recent.page,
      size: recent.size,
      total: recent.total,
      items: recent.items.map((item) => ({
        id: item.id,
        receiptNumber: item.numero_recu,
        createdAt: item.cree_le,
        totalCents: centsFromWire(item.total),
        refundedCents: centsFromWire(item.montant_rembourse),
        status: item.statut,
      })),
    },
    idempotencyKey: `web-${randomUUID()}`,
  }
}

export interface ReturnActionResult {
  intent: 'return' | 'cancel'
  error?: Message
  fieldErrors?: FieldErrors
  /** What was posted, to refill the refused form (without JavaScript the page is rendered anew). */
  values?: Record<string, string>
}

/** More quantity fields than a sale can have lines is not a form we rendered: the rest is not echoed. */
const MAX_ECHOED_LINES = 200

/** The refused form's own fields: the cancel form has only its refund method. */
function postedValues(form: FormData, intent: ReturnActionResult['intent']): Record<string, string> {
  // The manager's identifier comes back with a refusal; their password never does.
  if (intent === 'cancel') return echoFields(form, ['mode_remboursement', OVERRIDE_USERNAME])
  const quantities = [...new Set(form.keys())].filter((name) => /^(qte|abime)_\d{1,9}$/.test(name)).slice(0, 2 * MAX_ECHOED_LINES)
  return echoFields(form, ['motif', 'mode_remboursement', OVERRIDE_USERNAME, ...quantities])
}

const MODE_MESSAGE = {
  especes: 'returns.refundedCash',
  carte: 'returns.refundedCard',
  autre: 'returns.refundedOther',
  mixte: 'returns.refundedSplit',
} as const

export async function runReturnAction(
  ctx: { api: ApiClient; user: SessionUser; session: WebSession; form: FormData; overrideClients: OverrideClients },
  registerId: number,
  url: URL
) {
  const register = await registerFor(ctx.api, ctx.user, registerId)
  const intent = ctx.form.get('intent') === 'cancel' ? 'cancel' : 'return'
  const saleId = Number(ctx.form.get('vente_id') ?? '')
  if (!Number.isInteger(saleId) || saleId < 1) throw new Response('bad_sale', { status: 400 })
  const values = postedValues(ctx.form, intent)
  const fail = (result: Omit<ReturnActionResult, 'intent' | 'values'>, status = 422) =>
    data<ReturnActionResult>({ intent, ...result, values }, { status })

  const override = overrideFrom(ctx.form)
  if (override.kind === 'incomplete') return fail({ fieldErrors: override.errors })
  let created: ReturnWire
  const authorised: { by: string | null } = { by: null }
  // The write itself: with the clerk's token, or a manager's signed in for it (manager-override.server.ts).
  const send = async (write: (api: ApiClient) => Promise<ReturnWire>): Promise<ReturnWire | OverrideRefusal> => {
    if (override.kind === 'none') return write(ctx.api)
    const granted = await authoriseManager(ctx.overrideClients, override)
    if (!granted.ok) return granted
    try {
      authorised.by = granted.managerName
      return await write(granted.api)
    } finally {
      await granted.signOut()
    }
  }
  try {
    let sent: ReturnWire | OverrideRefusal
    if (intent === 'cancel') {
      const parsed = parseCancelSale(ctx.form)
      if (!parsed.ok) return fail({ fieldErrors: parsed.errors })
      sent = await send((api) =>
        ok(
          api.POST('/api/v1/sales/{id}/cancel', {
            params: { path: { id: saleId } },
            body: cancelBody(parsed.value, register.id),
            headers: { 'Idempotency-Key': parsed.value.idempotencyKey },
          })
        )
      )
    } else {
      const sale = saleForReturn(await ok(ctx.api.GET('/api/v1/sales/{id}', { params: { path: { id: saleId } } })), ctx.user)
      const parsed = parseReturn(ctx.form, sale.lines)
      if (!parsed.ok) return fail({ fieldErrors: parsed.errors })
      sent = await send((api) =>
        ok(
          api.POST('/api/v1/sales/{id}/returns', {
            params: { path: { id: saleId } },
            body: returnBody(parsed.value, register.id),
            headers: { 'Idempotency-Key': parsed.value.idempotencyKey },
          })
        )
      )
    }
    if ('ok' in sent) return fail({ error: sent.error, fieldErrors: sent.fieldErrors }, sent.status)
    created = sent
  } catch (error) {
    return fail({ error: refusalFor(ctx.user, actionErrorFrom(error)) }, error instanceof ApiError ? error.status : 503)
  }
  const params = new URLSearchParams({ vente: String(saleId), retour: String(created.id) })
  // Back to the day's list the sale was picked from.
  const { day } = returnsQuery(url)
  if (day) params.set('jour', day)
  return redirectWithNotice(`${returnsPath(register.id)}?${params}`, ctx.session, {
    kind: 'success',
    message: { key: MODE_MESSAGE[created.mode_remboursement] ?? 'returns.refundedOther', params: { amount: formatMoney(handedBackCents(created)) } },
    ...(authorised.by ? { detail: { key: 'override.done', params: { manager: authorised.by } } } : {}),
    focus: true,
  })
}
