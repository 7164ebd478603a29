import { NameText } from '~/components/name-text'

/** A product in a list that is about something else (a request, a movement): its name, its code under it. */
export function ProductCell({ name, code }: { name: string; code: string }) {
  return (
    <td className="pos-product-name">
      <NameText text={name} />
      <code className="d-block small">{code}</code>
    </td>
  )
}
