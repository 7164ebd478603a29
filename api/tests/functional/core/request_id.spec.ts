import { test } from '@japa/runner'

/*
 * X-Request-Id: a client's own id is kept when it looks like one (the rule of nginx and the web
 * server); anything else is replaced by a generated id instead of being echoed and written into
 * every log line of the request.
 */
test.group('X-Request-Id from the client', () => {
  test('a well-formed id is kept', async ({ client }) => {
    const response = await client.get('/health').header('x-request-id', 'pos-1.trace:42_a-b')
    response.assertHeader('x-request-id', 'pos-1.trace:42_a-b')
  })

  for (const [what, value] of [
    ['with spaces', 'bad id with spaces'],
    ['with markup', '<script>alert(1)</script>'],
    ['longer than 128 characters', 'a'.repeat(129)],
  ] as const) {
    test(`an id ${what} is replaced by a generated one`, async ({ client, assert }) => {
      const response = await client.get('/health').header('x-request-id', value)
      const id = response.header('x-request-id')
      assert.notEqual(id, value)
      assert.match(id ?? '', /^[A-Za-z0-9._:-]{1,128}$/)
    })
  }
})
