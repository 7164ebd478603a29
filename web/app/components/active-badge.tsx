import { useT } from '~/lib/root-data'

/** "Actif" / "Inactif" for products and user accounts. */
export function ActiveBadge({ active }: { active: boolean }) {
  const t = useT()
  return active ? <span className="badge text-bg-success">{t('admin.active')}</span> : <span className="badge text-bg-secondary">{t('admin.inactive')}</span>
}

/** A list row's status cell. */
export function ActiveCell({ active }: { active: boolean }) {
  return (
    <td>
      <ActiveBadge active={active} />
    </td>
  )
}
