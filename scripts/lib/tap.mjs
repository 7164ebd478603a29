/** Leaf tests marked "not ok", as "suite › test"; a suite fails with its tests and is not listed itself. */
export function tapFailures(text) {
  const names = []
  const failedBelow = []
  const failures = []
  for (const line of text.split('\n')) {
    const subtest = /^( *)# Subtest: (.*)$/.exec(line)
    if (subtest) {
      const depth = subtest[1].length / 4
      names.length = depth
      names[depth] = subtest[2]
      continue
    }
    const result = /^( *)(not ok|ok) \d+ - (.*?)(?: # .*)?$/.exec(line)
    if (!result) continue
    const depth = result[1].length / 4
    const failed = result[2] === 'not ok'
    if (failed && !failedBelow[depth]) failures.push([...names.slice(0, depth), result[3]].join(' › '))
    failedBelow.length = depth
    if (failed) for (let d = 0; d < depth; d++) failedBelow[d] = true
  }
  return failures
}
