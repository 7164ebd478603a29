import { Link } from '@remix-run/react'
import { useT } from '~/lib/root-data'

/** The last cell of a management list's row: "Modifier", named after the record for screen readers. */
export function EditCell({ to, label }: { to: string; label: string }) {
  const t = useT()
  return (
    <td className="text-end">
      <Link className="btn btn-sm btn-outline-primary" to={to} aria-label={label}>
        {t('products.edit')}
      </Link>
    </td>
  )
}
