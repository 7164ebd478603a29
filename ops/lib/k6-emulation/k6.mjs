// The k6 module's check() and sleep(), as the scripts use them: checks are counted, sleep does not wait.
export const checks = {}
export const sleeps = []

export function check(value, predicates) {
  let all = true
  for (const [name, predicate] of Object.entries(predicates)) {
    const passed = Boolean(predicate(value))
    checks[name] ??= { passes: 0, fails: 0 }
    checks[name][passed ? 'passes' : 'fails'] += 1
    all &&= passed
  }
  return all
}

/** Recorded, not slept: the emulation checks what a script sends, not its pace. */
export function sleep(seconds) {
  sleeps.push(seconds)
}
