/*
 * The shape of a believable history: how busy each store is, when it is
 * open, which products sell, how people pay. Pure data, tuned by eye so the
 * dashboards of a demo look like a real small chain (a busy downtown store,
 * a small express shop, Saturday rush, lunch and after-work peaks).
 */

export interface OpeningHours {
  /** Local hour the doors open (inclusive) and close (exclusive), 0–24. */
  open: number
  close: number
}

export interface StoreProfile {
  /** Relative traffic; normalised over the stores that exist. */
  traffic: number
  /** Opening hours by ISO weekday (index 1 = Monday … 7 = Sunday); null = closed. */
  hours: Record<number, OpeningHours | null>
  /** Share of the store's sales taken by each register (register 1 first). */
  registerShares: number[]
  openingFloatCents: number
}

function week(weekday: OpeningHours, saturday: OpeningHours, sunday: OpeningHours | null) {
  return { 1: weekday, 2: weekday, 3: weekday, 4: weekday, 5: weekday, 6: saturday, 7: sunday }
}

const DEFAULT_PROFILE: StoreProfile = {
  traffic: 1,
  hours: week({ open: 8, close: 20 }, { open: 8, close: 18 }, { open: 9, close: 17 }),
  registerShares: [0.45, 0.35, 0.2],
  openingFloatCents: 20_000,
}

/* Matched on a fragment of the store's name, so renamed or extra stores still get a profile. */
const PROFILES: { nameContains: string; profile: StoreProfile }[] = [
  {
    nameContains: 'Centre-Ville',
    profile: {
      traffic: 1.6,
      hours: week({ open: 8, close: 21 }, { open: 9, close: 19 }, { open: 10, close: 18 }),
      registerShares: [0.4, 0.35, 0.25],
      openingFloatCents: 30_000,
    },
  },
  {
    nameContains: 'Banlieue',
    profile: {
      traffic: 1.15,
      hours: week({ open: 9, close: 21 }, { open: 9, close: 18 }, { open: 10, close: 17 }),
      registerShares: [0.45, 0.35, 0.2],
      openingFloatCents: 20_000,
    },
  },
  { nameContains: 'Nord', profile: { ...DEFAULT_PROFILE, traffic: 0.95 } },
  { nameContains: 'Sud', profile: { ...DEFAULT_PROFILE, traffic: 0.85 } },
  {
    nameContains: 'Express',
    profile: {
      traffic: 0.45,
      hours: week({ open: 7, close: 23 }, { open: 7, close: 23 }, { open: 8, close: 22 }),
      registerShares: [0.7, 0.2, 0.1],
      openingFloatCents: 15_000,
    },
  },
]

export function storeProfileFor(storeName: string): StoreProfile {
  return PROFILES.find((p) => storeName.includes(p.nameContains))?.profile ?? DEFAULT_PROFILE
}

/* Relative traffic by ISO weekday; Monday–Friday average exactly 1 so --sales-per-day means "a weekday". */
export const WEEKDAY_FACTORS: Record<number, number> = {
  1: 0.9,
  2: 0.92,
  3: 0.98,
  4: 1.05,
  5: 1.15,
  6: 1.3,
  7: 0.85,
}

/* Customers per local hour (0–23): breakfast bump, lunch peak, after-work peak. */
export const HOURLY_TRAFFIC = [
  0, 0, 0, 0, 0, 0, 0.2, 0.6, 1.0, 1.0, 1.1, 1.5, 1.9, 1.6, 1.1, 1.0, 1.3, 1.9, 2.0, 1.5, 1.0,
  0.7, 0.4, 0.2,
]

/* Both dates every store is closed (month-day). */
export const CLOSED_DAYS = new Set(['12-25', '01-01'])

/* Popularity by product code; unknown products get DEFAULT_PRODUCT_WEIGHT. */
export const PRODUCT_WEIGHTS: Record<string, number> = {
  ALI001: 18,
  ALI002: 16,
  ALI003: 9,
  ALI004: 6,
  ALI005: 7,
  BOI001: 12,
  BOI002: 7,
  BOI003: 9,
  HYG001: 3,
  HYG002: 4,
  HYG003: 4,
  MEN001: 4,
  MEN002: 3,
}
export const DEFAULT_PRODUCT_WEIGHT = 3

/* Lines per sale: value → weight (1 to 6 lines, mostly small baskets). */
export const LINES_PER_SALE: [number, number][] = [
  [1, 28],
  [2, 26],
  [3, 19],
  [4, 13],
  [5, 8],
  [6, 6],
]

/* Units per line: value → weight. */
export const UNITS_PER_LINE: [number, number][] = [
  [1, 66],
  [2, 22],
  [3, 7],
  [4, 3],
  [6, 2],
]

export const PAYMENT_MIX = { cash: 0.35, card: 0.55, split: 0.1 }

/* What a cash customer hands over: round up to this many cents (0 = exact amount). */
export const CASH_TENDER_STEPS: [number, number][] = [
  [0, 15],
  [100, 15],
  [500, 20],
  [1000, 20],
  [2000, 20],
  [5000, 7],
  [10_000, 3],
]

export const RETURNS = {
  /** Share of sales that come back (in part or in full). */
  rate: 0.02,
  /** Share of those returns that take back the whole sale. */
  fullShare: 0.45,
  /** Days after the sale: value → weight (0 = same day, at most 7). */
  delayDays: [
    [0, 15],
    [1, 25],
    [2, 18],
    [3, 14],
    [4, 10],
    [5, 8],
    [6, 5],
    [7, 5],
  ] as [number, number][],
  reasons: ['Produit défectueux', "Erreur d'achat", 'Date de péremption dépassée', 'Client insatisfait', 'Emballage abîmé'],
}

export const CASH_DRAWER = {
  /** Share of sessions whose count differs from the expected cash. */
  discrepancyRate: 0.08,
  /** Largest discrepancy, in cents (a multiple of 5, either way). */
  maxDiscrepancyCents: 300,
}
