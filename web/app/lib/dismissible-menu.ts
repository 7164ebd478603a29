import { useEffect, useRef } from 'react'

/**
 * A <details> menu that, with JavaScript, closes as a dropdown does: on a click
 * outside it and on Escape wherever the focus is (it was only when the focus was
 * inside, so a menu opened with the mouse stayed over the page). Without
 * JavaScript it stays a plain disclosure, opened and closed by its summary.
 * The element is read at each event: the menu is remounted on each navigation.
 */
export function useDismissibleMenu() {
  const ref = useRef<HTMLDetailsElement>(null)
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const menu = ref.current
      if (menu?.open && event.target instanceof Node && !menu.contains(event.target)) menu.open = false
    }
    const onKeyDown = (event: KeyboardEvent) => {
      const menu = ref.current
      // The innermost open menu closes first (a dropdown within « Menu »); one Escape closes one menu.
      if (event.key !== 'Escape' || event.defaultPrevented || !menu?.open || menu.querySelector('details[open]')) return
      event.preventDefault()
      menu.open = false
      menu.querySelector('summary')?.focus()
    }
    document.addEventListener('click', onClick)
    document.addEventListener('keydown', onKeyDown)
    return () => {
      document.removeEventListener('click', onClick)
      document.removeEventListener('keydown', onKeyDown)
    }
  }, [])
  return ref
}
