import { test } from '@japa/runner'
import proxyAddr from 'proxy-addr'
import { DEFAULT_TRUSTED_PROXIES, trustedProxies } from '#core/trusted_proxies'

test.group('TRUST_PROXY', () => {
  test('reads a comma-separated list of names, addresses and ranges', ({ assert }) => {
    assert.deepEqual(trustedProxies('TRUST_PROXY', 'loopback, 172.30.57.0/24 ,10.1.2.3'), ['loopback', '172.30.57.0/24', '10.1.2.3'])
    assert.isUndefined(trustedProxies('TRUST_PROXY', undefined))
    assert.isUndefined(trustedProxies('TRUST_PROXY', '  '))
  })

  test('a value proxy-addr cannot read stops the start with the variable named', ({ assert }) => {
    assert.throws(() => trustedProxies('TRUST_PROXY', 'nginx.local'), /TRUST_PROXY must list/)
    assert.throws(() => trustedProxies('TRUST_PROXY', '10.0.0.0/99'), /TRUST_PROXY/)
  })

  test('by default only this host is believed, not the private ranges clients sit in', ({ assert }) => {
    const trusted = proxyAddr.compile(DEFAULT_TRUSTED_PROXIES)
    assert.isTrue(trusted('127.0.0.1', 0))
    assert.isTrue(trusted('::1', 0))
    for (const lan of ['10.0.0.5', '192.168.1.20', '172.16.0.9', '169.254.1.1']) assert.isFalse(trusted(lan, 0), lan)
  })
})
