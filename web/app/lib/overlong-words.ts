// Where a name may break inside a run of letters. Lines break between words
// (spaces, hyphens); a run longer than any word a name is made of — a pasted
// reference, words typed without spaces — would otherwise set its column's
// width and push a table past the screen.

/** Longer than this, a run is taken for no word: the words of product names (« antitranspirant », « pamplemousse ») are well under it. */
export const OVERLONG_RUN = 20

export interface NamePart {
  text: string
  overlong: boolean
}

/** The text in order, its overlong runs apart: only they may break anywhere. */
export function overlongParts(text: string): NamePart[] {
  const parts: NamePart[] = []
  let from = 0
  for (const run of text.matchAll(new RegExp(`[^\\s-]{${OVERLONG_RUN + 1},}`, 'g'))) {
    if (run.index > from) parts.push({ text: text.slice(from, run.index), overlong: false })
    parts.push({ text: run[0], overlong: true })
    from = run.index + run[0].length
  }
  if (from < text.length) parts.push({ text: text.slice(from), overlong: false })
  return parts
}
