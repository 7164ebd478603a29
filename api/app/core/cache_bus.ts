import { configProvider } from '@adonisjs/core'
import type { RedisConnections } from '@adonisjs/redis/types'
import { redisBusDriver } from 'bentocache/drivers/redis'
import { redisIsAway } from '#core/cache_recovery'

type BusDriver = ReturnType<typeof redisBusDriver>
type Transport = ReturnType<BusDriver['factory']>
type ConnectionOptions = Parameters<typeof redisBusDriver>[0]['connection']

/*
 * bentocache awaits the bus publish inside reads (a read that finds a value
 * invalidated by a tag expires it and tells the other instances). The stock
 * Redis bus publishes on a copy of the subscriber's connection, whose offline
 * queue waits for Redis: while Redis was away that read hung until it came
 * back. Here a publish fails at once while Redis is known to be away, so the
 * message goes to the bus's retry queue and is sent when Redis returns; the
 * subscriber keeps waiting for Redis and resubscribes after every reconnection.
 */
class SplitTransport {
  constructor(
    private readonly publisher: Transport,
    private readonly subscriber: Transport
  ) {}

  setId(id: string) {
    this.publisher.setId(id)
    this.subscriber.setId(id)
    return this
  }

  async publish(...args: Parameters<Transport['publish']>) {
    if (redisIsAway()) throw new Error('redis is unavailable: the bus message waits in the retry queue')
    return this.publisher.publish(...args)
  }

  subscribe(...args: Parameters<Transport['subscribe']>) {
    return this.subscriber.subscribe(...args)
  }

  unsubscribe(...args: Parameters<Transport['unsubscribe']>) {
    return this.subscriber.unsubscribe(...args)
  }

  onReconnect(callback: () => void) {
    this.subscriber.onReconnect(callback)
  }

  async disconnect() {
    await Promise.all([this.publisher.disconnect(), this.subscriber.disconnect()])
  }
}

/** A cache bus subscribing on one Redis connection and publishing on another (both named in config/redis.ts). */
export function splitRedisBus(config: {
  subscriber: keyof RedisConnections
  publisher: keyof RedisConnections
  retryQueue: NonNullable<BusDriver['options']>['retryQueue']
}) {
  return configProvider.create(async (app) => {
    // The options, not redis.connection(): that would open a connection nothing uses.
    const connections = app.config.get<Record<keyof RedisConnections, ConnectionOptions>>('redis.connections')
    const optionsOf = (name: keyof RedisConnections) => connections[name]
    const subscriber = redisBusDriver({ connection: optionsOf(config.subscriber), retryQueue: config.retryQueue })
    const publisher = redisBusDriver({ connection: optionsOf(config.publisher) })
    return {
      options: subscriber.options,
      factory: (options: Parameters<BusDriver['factory']>[0]) =>
        new SplitTransport(publisher.factory(options), subscriber.factory(options)) as unknown as Transport,
    }
  })
}
