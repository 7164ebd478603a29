import { useHydrated } from '~/lib/hydrated'
import { useT } from '~/lib/root-data'

/**
 * Prints the page (its print CSS hides the rest). A button needs JavaScript: until it runs (and
 * without it), the browser's own Ctrl+P is said instead of a button that would do nothing. Not a
 * <noscript>: a browser told not to run scripts may still parse it as text and show nothing.
 */
export function PrintButton({ label, className = 'btn btn-outline-primary' }: { label: string; className?: string }) {
  const hydrated = useHydrated()
  const t = useT()
  if (hydrated) {
    return (
      <button type="button" className={className} onClick={() => window.print()}>
        {label}
      </button>
    )
  }
  return <span className="small text-body-secondary align-self-center">{t('receipt.printHint')}</span>
}
