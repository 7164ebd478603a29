import { test } from '@japa/runner'
import { seededRandom } from '#core/util/seeded_random'
import { WeightedPicker, arrivals, wobble } from '#reporting/demo/distributions'
import { EventQueue } from '#reporting/demo/event_queue'

test.group('WeightedPicker', () => {
  test('draws each value in proportion to its weight', ({ assert }) => {
    const picker = new WeightedPicker<string>([
      ['bread', 6],
      ['milk', 3],
      ['soap', 1],
      ['never', 0],
    ])
    const random = seededRandom(1)
    const counts = new Map<string, number>()
    for (let i = 0; i < 100_000; i++) {
      const value = picker.pick(random)
      counts.set(value, (counts.get(value) ?? 0) + 1)
    }
    assert.approximately(counts.get('bread')! / 100_000, 0.6, 0.01)
    assert.approximately(counts.get('milk')! / 100_000, 0.3, 0.01)
    assert.approximately(counts.get('soap')! / 100_000, 0.1, 0.01)
    assert.isFalse(counts.has('never'))
  })

  test('pickDistinct never repeats a value and stops at the number of values', ({ assert }) => {
    const picker = new WeightedPicker<number>([
      [1, 50],
      [2, 1],
      [3, 1],
    ])
    const random = seededRandom(2)
    for (let i = 0; i < 1000; i++) {
      const picked = picker.pickDistinct(random, 2)
      assert.lengthOf(picked, 2)
      assert.notEqual(picked[0], picked[1])
    }
    assert.sameMembers(picker.pickDistinct(random, 10), [1, 2, 3])
  })

  test('mean is the weighted average', ({ assert }) => {
    const picker = new WeightedPicker<number>([
      [1, 1],
      [3, 3],
    ])
    assert.equal(picker.mean(), 2.5)
  })

  test('refuses a list without any positive weight', ({ assert }) => {
    assert.throws(() => new WeightedPicker([['x', 0]]), /positive weight/)
  })
})

test.group('arrivals and wobble', () => {
  for (const mean of [3, 250]) {
    test(`arrivals average ${mean} over many days`, ({ assert }) => {
      const random = seededRandom(mean)
      let sum = 0
      for (let i = 0; i < 5000; i++) sum += arrivals(random, mean)
      assert.approximately(sum / 5000, mean, mean * 0.03)
    })
  }

  test('arrivals of nothing is nothing', ({ assert }) => {
    assert.equal(arrivals(seededRandom(1), 0), 0)
  })

  test('wobble stays within three spreads of 1', ({ assert }) => {
    const random = seededRandom(9)
    for (let i = 0; i < 10_000; i++) {
      const value = wobble(random, 0.1)
      assert.isTrue(value >= 0.7 && value <= 1.3)
    }
  })
})

test.group('EventQueue', () => {
  test('pops events in time order, ties in insertion order, only before the limit', ({ assert }) => {
    const queue = new EventQueue<{ atMs: number; name: string }>()
    for (const [atMs, name] of [
      [30, 'c'],
      [10, 'a'],
      [20, 'b1'],
      [20, 'b2'],
      [50, 'late'],
      [20, 'b3'],
    ] as const) {
      queue.push({ atMs, name })
    }
    const names: string[] = []
    for (let event = queue.popBefore(50); event; event = queue.popBefore(50)) names.push(event.name)
    assert.deepEqual(names, ['a', 'b1', 'b2', 'b3', 'c'])
    assert.equal(queue.size, 1)
    assert.equal(queue.popBefore(51)?.name, 'late')
  })

  test('stays ordered under many random pushes', ({ assert }) => {
    const queue = new EventQueue<{ atMs: number }>()
    const random = seededRandom(4)
    for (let i = 0; i < 5000; i++) queue.push({ atMs: Math.floor(random() * 1000) })
    let previous = -1
    for (let event = queue.popBefore(Infinity); event; event = queue.popBefore(Infinity)) {
      assert.isAtLeast(event.atMs, previous)
      previous = event.atMs
    }
  })
})
