// Setting a reorder point, the level at which a product's stock is flagged
// low and suggested for replenishment: the warehouse's on its page, a
// store's on its stock page. Managers only; the API enforces the same rule.
import type { ApiClient } from './api/client.server.ts'
import { ok } from './api/client.server.ts'
import type { WebSession } from './auth/session.server.ts'
import { apiRefusal, invalidForm } from './forms/refusal.server.ts'
import { echoFields } from './forms/refusals.ts'
import { parseReorderPoint } from './forms/warehouse.ts'
import { reorderPointNotice } from './notice.ts'
import { redirectWithNotice } from './request.server.ts'
import { REORDER_POINT_INTENT } from './stock.ts'


type Location = { entrepot: true } | { magasin_id: number }

export async function setReorderPoint(ctx: { api: ApiClient; session: WebSession; form: FormData }, location: Location, back: string) {
  const context = { intent: REORDER_POINT_INTENT, values: echoFields(ctx.form, ['produit_id', 'seuil_reappro']) }
  const parsed = parseReorderPoint(ctx.form)
  if (!parsed.ok) return invalidForm(parsed.errors, context)
  try {
    const level = await ok(
      ctx.api.PATCH('/api/v1/stock/levels', {
        body: { ...location, produit_id: parsed.value.productId, seuil_reappro: parsed.value.reorderPoint },
      })
    )
    const store = level.emplacement.type === 'magasin' ? level.emplacement.nom : undefined
    return redirectWithNotice(back, ctx.session, reorderPointNotice(level.produit.nom, level.seuil_reappro, store))
  } catch (error) {
    return apiRefusal(error, ['seuil_reappro'], context)
  }
}
