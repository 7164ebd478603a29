import { useState } from 'react'

import { useHydrated } from '~/lib/hydrated'
import { useT } from '~/lib/root-data'

/**
 * A read-only value to take away (a token's secret, shown once): it selects itself on focus for
 * Ctrl+C and, once the page runs JavaScript, has a « Copier » button.
 */
export function CopyableField({ id, value }: { id: string; value: string }) {
  const hydrated = useHydrated()
  const t = useT()
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')

  async function copy() {
    const field = document.getElementById(id)
    if (!(field instanceof HTMLInputElement)) return
    field.select()
    try {
      await navigator.clipboard.writeText(field.value)
      setState('copied')
    } catch {
      // No clipboard access (a browser setting, a non-secure origin): the value is left selected.
      setState(document.execCommand('copy') ? 'copied' : 'failed')
    }
  }

  return (
    <>
      <div className="input-group">
        <input id={id} className="form-control font-monospace" readOnly value={value} autoFocus onFocus={(event) => event.currentTarget.select()} />
        {hydrated ? (
          <button type="button" className="btn btn-outline-dark" onClick={() => void copy()}>
            {t('copy.button')}
          </button>
        ) : null}
      </div>
      <div role="status" className={state === 'failed' ? 'form-text text-danger' : 'form-text'}>
        {state === 'idle' ? '' : t(state === 'copied' ? 'copy.done' : 'copy.failed')}
      </div>
    </>
  )
}
