import { hostname } from 'node:os'

/*
 * Identifies this API process in logs, metrics and the X-Instance-Id header,
 * so load-balanced traffic can be traced to the instance that served it.
 */
export const instanceId = process.env.INSTANCE_ID || `${hostname()}:${process.env.PORT ?? '3333'}`
