import { Link } from '@remix-run/react'

import { ReplenishmentStatusBadge } from '~/components/status-badge'
import { formatNumber } from '~/lib/format'
import type { InFlightRequest } from '~/lib/in-flight'
import type { Message } from '~/lib/i18n/index'
import { useMessage, useT } from '~/lib/root-data'

/**
 * A stock line's request in flight, in place of the request form the API
 * would refuse: which request (a link), how much, in what state. `error`:
 * the refusal of a request sent from a page that did not know of it yet.
 * The link's id (`${id}-link`) is where the focus goes when the row's form,
 * just answered, is replaced by this (see InlineNumberForm's replacedBy).
 */
export function InFlightRequestCell({ request, to, error, id }: { request: InFlightRequest; to: string; error?: Message; id: string }) {
  const t = useT()
  const describe = useMessage()
  return (
    <div data-testid={id}>
      <Link to={to} id={inFlightLinkId(id)} className="text-nowrap">
        {t('stock.inFlightLink', { id: request.id })}
      </Link>{' '}
      {/* May wrap: kept on one line, « · 2 000 demandés · En attente » widened the stock table past a tablet's width. */}
      <span>
        · {t('stock.inFlightQuantity', { quantity: formatNumber(request.quantity) })} · <ReplenishmentStatusBadge status={request.status} />
      </span>
      {error ? (
        <div className="invalid-feedback d-block" role="alert">
          {describe(error)}
        </div>
      ) : null}
    </div>
  )
}

export const inFlightLinkId = (cellId: string) => `${cellId}-link`
