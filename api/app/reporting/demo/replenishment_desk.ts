import { uniformInt } from '#reporting/demo/distributions'
import {
  replenishmentTimeline,
  storeOrderQuantity,
  storeTriggerLevel,
  supplierOrderQuantity,
  warehouseTriggerLevel,
} from '#reporting/demo/replenishment_policy'
import type { PendingShipment, SimulationContext } from '#reporting/demo/simulation_context'

const MINUTE = 60_000
const SUPPLIER_ARRIVES_AT_HOUR = 6

/**
 * Keeps shelves stocked: a store asks the warehouse when a product drops
 * under its trigger level (one open request per product), the warehouse
 * reserves the goods at approval so two requests can never ship the same
 * units, ships, and the store receives; the warehouse itself orders from
 * its supplier for the next morning when it runs low.
 */
export class ReplenishmentDesk {
  /** Units requested but not yet received, per store × product. */
  private readonly inbound: Int32Array
  /** Units approved for shipping but still in the warehouse, per product. */
  private readonly reserved: Int32Array
  private readonly supplierOrdered: Uint8Array
  private readonly storeTriggers: Int32Array
  private readonly storePeaks: Float64Array
  private readonly warehouseTriggers: Int32Array
  private readonly chainPeaks: Float64Array
  private readonly warehouseReorderPoints: Int32Array
  private readonly productCount: number

  constructor(private readonly ctx: SimulationContext) {
    const { world, demand } = ctx
    const products = world.products.length
    this.productCount = products
    this.inbound = new Int32Array(world.stores.length * products)
    this.reserved = new Int32Array(products)
    this.supplierOrdered = new Uint8Array(products)
    this.storeTriggers = new Int32Array(world.stores.length * products)
    this.storePeaks = new Float64Array(world.stores.length * products)
    this.warehouseTriggers = new Int32Array(products)
    this.chainPeaks = new Float64Array(products)
    this.warehouseReorderPoints = new Int32Array(products)

    const reorderPoints = new Map(world.openingLevels.map((l) => [`${l.location}|${l.product}`, l.reorderPoint]))
    world.stores.forEach((store, storeIndex) => {
      for (let product = 0; product < products; product++) {
        const cell = storeIndex * products + product
        const peak = demand.peakDailyUnits(storeIndex, product)
        this.storePeaks[cell] = peak
        this.storeTriggers[cell] = storeTriggerLevel(reorderPoints.get(`${store.location}|${product}`) ?? 0, peak)
        this.chainPeaks[product] += peak
      }
    })
    for (let product = 0; product < products; product++) {
      const reorderPoint = reorderPoints.get(`${world.warehouse}|${product}`) ?? 0
      this.warehouseReorderPoints[product] = reorderPoint
      this.warehouseTriggers[product] = warehouseTriggerLevel(reorderPoint, this.chainPeaks[product])
    }
  }

  /** Looks at the shelf for these products after a sale (or at opening) and asks for more if needed. */
  checkStore(storeIndex: number, products: Iterable<number>, atMs: number, dayIndex: number): void {
    for (const product of products) this.requestIfLow(storeIndex, product, atMs, dayIndex)
  }

  private requestIfLow(storeIndex: number, product: number, atMs: number, dayIndex: number) {
    const { world, book, random, sink, ids, queue, stats } = this.ctx
    const store = world.stores[storeIndex]
    if (!book.isStocked(store.location, product) || !book.isStocked(world.warehouse, product)) return
    const cell = storeIndex * this.productCount + product
    if (this.inbound[cell] > 0) return
    const onHand = book.level(store.location, product)
    if (onHand >= this.storeTriggers[cell]) return

    const wanted = storeOrderQuantity(onHand, this.storeTriggers[cell], this.storePeaks[cell])
    const available = book.level(world.warehouse, product) - this.reserved[product]
    const quantity = Math.min(wanted, available)
    this.orderFromSupplierIfLow(product, dayIndex)
    if (quantity <= 0) return // warehouse empty: the next sale asks again
    const timeline = replenishmentTimeline(random, atMs)
    if (timeline.receivedAtMs >= this.ctx.periodEndMs) return // would land after the history ends

    const requestId = ids.replenishment.take()
    this.inbound[cell] = quantity
    this.reserved[product] += quantity
    sink.write('replenishment_requests', {
      id: requestId,
      storeId: store.id,
      productId: world.products[product].id,
      quantity,
      requestedBy: store.clerkId,
      approvedBy: world.managerId,
      shippedBy: world.warehouseUserId,
      receivedBy: store.clerkId,
      ...timeline,
    })
    const shipment: PendingShipment = { requestId, store: storeIndex, product, quantity }
    queue.push({ type: 'ship', atMs: timeline.shippedAtMs, shipment })
    queue.push({ type: 'receive', atMs: timeline.receivedAtMs, shipment })
    stats.replenishments++
    this.orderFromSupplierIfLow(product, dayIndex)
  }

  private orderFromSupplierIfLow(product: number, dayIndex: number) {
    const { book, world, days, random, queue } = this.ctx
    if (this.supplierOrdered[product]) return
    if (book.level(world.warehouse, product) - this.reserved[product] >= this.warehouseTriggers[product]) return
    const nextDay = days[dayIndex + 1]
    if (!nextDay) return
    const atMs = nextDay.hourStartMs[SUPPLIER_ARRIVES_AT_HOUR] + uniformInt(random, 0, 90) * MINUTE
    const quantity = supplierOrderQuantity(this.warehouseReorderPoints[product], this.chainPeaks[product])
    this.supplierOrdered[product] = 1
    queue.push({ type: 'supplier', atMs, product, quantity })
  }

  ship(shipment: PendingShipment, atMs: number): void {
    const { world, book } = this.ctx
    this.reserved[shipment.product] -= shipment.quantity
    const balanceAfter = book.apply(world.warehouse, shipment.product, -shipment.quantity)
    this.ledger(world.warehouse, shipment, -shipment.quantity, balanceAfter, 'replenishment_out', world.warehouseUserId, atMs)
  }

  receive(shipment: PendingShipment, atMs: number): void {
    const { world, book } = this.ctx
    const store = world.stores[shipment.store]
    this.inbound[shipment.store * this.productCount + shipment.product] = 0
    const balanceAfter = book.apply(store.location, shipment.product, shipment.quantity)
    this.ledger(store.location, shipment, shipment.quantity, balanceAfter, 'replenishment_in', store.clerkId, atMs)
  }

  supplierDelivers(product: number, quantity: number, atMs: number): void {
    const { world, book, sink, stats } = this.ctx
    this.supplierOrdered[product] = 0
    const balanceAfter = book.apply(world.warehouse, product, quantity)
    sink.write('stock_movements', {
      locationId: world.locationIds[world.warehouse],
      productId: world.products[product].id,
      quantityDelta: quantity,
      balanceAfter,
      kind: 'receipt',
      referenceType: null,
      referenceId: null,
      reason: 'Livraison fournisseur',
      userId: world.warehouseUserId,
      createdAtMs: atMs,
    })
    stats.supplierReceipts++
  }

  private ledger(
    location: number,
    shipment: PendingShipment,
    delta: number,
    balanceAfter: number,
    kind: 'replenishment_out' | 'replenishment_in',
    userId: number,
    atMs: number
  ) {
    const { world, sink } = this.ctx
    sink.write('stock_movements', {
      locationId: world.locationIds[location],
      productId: world.products[shipment.product].id,
      quantityDelta: delta,
      balanceAfter,
      kind,
      referenceType: 'replenishment_request',
      referenceId: shipment.requestId,
      reason: null,
      userId,
      createdAtMs: atMs,
    })
  }
}
