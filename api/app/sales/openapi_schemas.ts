import { PAYMENT_METHOD_WIRE, SALE_STATUS_WIRE } from '#sales/wire_names'

/* Response schemas of the sales module (wire format, French names), as the transformers and queries build them. */
const money = { $ref: '#/components/schemas/Money' }
const nullableMoney = { anyOf: [money, { type: 'null' }] }
const int = { type: 'integer' }
const nullableInt = { type: ['integer', 'null'] }
const text = { type: 'string' }
const nullableText = { type: ['string', 'null'] }
const instant = { type: 'string', format: 'date-time' }
const paymentMode = { enum: Object.values(PAYMENT_METHOD_WIRE) }
const saleStatus = {
  enum: Object.values(SALE_STATUS_WIRE),
  description: 'terminee; partiellement_retournee or retournee once returns were made',
}

function object(properties: Record<string, unknown>, description?: string) {
  return { type: 'object', ...(description ? { description } : {}), required: Object.keys(properties), properties }
}

function withOptional(schema: ReturnType<typeof object>, optional: string[]) {
  return { ...schema, required: schema.required.filter((name) => !optional.includes(name)) }
}

const taxLine = object({
  code: { type: 'string', example: 'TPS' },
  libelle: { type: 'string', example: 'TPS (5 %)' },
  taux: { type: 'string', pattern: '^\\d+\\.\\d{3}$', description: 'Percent, three decimals', example: '5.000' },
  numero_enregistrement: { ...nullableText, description: 'The store’s registration number for this tax' },
  montant: money,
})

const payment = object({ mode: paymentMode, montant: money, reference: { ...nullableText, description: 'Card slip or voucher reference' } })
const refundsByTender = {
  type: 'array',
  description:
    'montant_rembourse per tender, over all the returns of the sale: card and other first, then cash; only the tenders ' +
    'refunded, adding up to montant_rembourse plus the returns’ cash roundings (a split refund counts its part in each; cash is ' +
    'handed back rounded to the nickel). Empty while nothing was refunded',
  items: object({ mode: paymentMode, montant: money }),
}

/** ADR 0023. */
const cashRounding = {
  ...money,
  description:
    'Cash settles to the nickel: what the other tenders leave is due in cash rounded to 0.05 (1–2 ¢ down, 3–4 ¢ up), the change ' +
    'is what was tendered beyond that; the exact amount is kept as handed. montant_paye − monnaie_rendue = total + arrondi_especes ' +
    '(−0.02 to 0.02; 0.00 without cash)',
}

const saleSummary = {
  id: int,
  numero_recu: { type: 'string', example: 'S1-R2-00000042' },
  magasin_id: int,
  caisse_id: int,
  session_id: { ...nullableInt, description: 'The drawer session the sale was rung up in' },
  caissier_id: { ...nullableInt, description: 'User id of the clerk; null when an integration token sold' },
  statut: saleStatus,
  sous_total: { ...money, description: 'Before taxes' },
  total_taxes: money,
  total: { ...money, description: 'Taxes included' },
  montant_rembourse: { ...money, description: 'Refunded by returns so far, taxes included' },
  cree_le: instant,
}

const saleLine = object({
  id: { ...int, description: 'ligne_id of a return' },
  produit_id: int,
  code: text,
  nom: text,
  quantite: { type: 'integer', minimum: 1 },
  prix_unitaire: { ...money, description: 'Catalogue price when sold' },
  total: money,
  quantite_retournee: { type: 'integer', minimum: 0 },
})

const returnLine = object({
  ligne_id: { ...int, description: 'The sale line returned' },
  produit_id: int,
  code: text,
  nom: text,
  quantite: { type: 'integer', minimum: 1 },
  montant: { ...money, description: 'Before taxes' },
  remis_en_stock: { type: 'boolean', description: "Whether this line's goods went back to the store's stock" },
})

const count = { type: 'integer', minimum: 0 }

const sessionReport = object(
  {
    type: { enum: ['X', 'Z'], description: 'X while the session is open (running figures), Z once closed' },
    ventes: object({
      nombre: count,
      sous_total: money,
      taxes: { type: 'array', items: object({ code: { type: 'string', example: 'TPS' }, montant: money }) },
      total: money,
      arrondi_especes: { ...money, description: 'The sales’ cash rounded to the nickel: Σ paiements = total + arrondi_especes' },
    }),
    paiements: { type: 'array', description: 'Takings per tender', items: object({ mode: paymentMode, montant: money }) },
    retours: object({
      nombre: count,
      total: money,
      especes: { ...money, description: 'Refunded in cash from this drawer: the cash parts of split refunds only' },
      arrondi_especes: { ...money, description: 'The cash refunds rounded to the nickel: Σ par_mode = total + arrondi_especes' },
      par_mode: {
        type: 'array',
        description: 'Refunded per tender (a refund split card + cash counts its part in each)',
        items: object({ mode: paymentMode, montant: money }),
      },
    }),
    especes_attendues: { ...money, description: 'Float + cash taken − change given − cash refunds' },
    especes_comptees: { ...nullableMoney, description: 'Counted at closing; null while open' },
    ecart: { ...nullableMoney, description: 'Counted − expected; null while open' },
  },
  'X report while open, Z report once closed'
)

/** A drawer session without its report (RegisterSession, RegisterSessionListItem). */
const sessionSummary = {
  id: int,
  caisse_id: int,
  statut: { enum: ['ouverte', 'fermee'] },
  ouverte_par: { ...int, description: 'User id' },
  ouverte_le: instant,
  fond_de_caisse: { ...money, description: 'Cash float at opening' },
  fermee_par: { ...nullableInt, description: 'User id; null while open' },
  fermee_le: { type: ['string', 'null'], format: 'date-time' },
  note: nullableText,
}

export const salesSchemas: Record<string, Record<string, unknown>> = {
  Sale: object({
    ...saleSummary,
    taxes: { type: 'array', items: taxLine },
    paiements: { type: 'array', items: payment },
    montant_paye: { ...money, description: 'Sum of the payments' },
    monnaie_rendue: { ...money, description: 'Change given back (cash only)' },
    arrondi_especes: cashRounding,
    lignes: { type: 'array', items: saleLine },
    retours: {
      type: 'array',
      description: 'Returns made against this sale, oldest first (GET /returns/{id} for the detail)',
      items: object({ id: int, total: money, motif: text, cree_le: instant }),
    },
    remboursements_par_mode: refundsByTender,
    retour_caissier_jusqua: {
      ...instant,
      description: 'Until when a clerk or an integration may return goods from this sale (RETURN_WINDOW_HOURS after it); managers always may',
    },
  }),
  SaleListItem: object(saleSummary),
  Receipt: object({
    numero_recu: { type: 'string', example: 'S1-R2-00000042' },
    date: instant,
    magasin: object({ nom: text, adresse: nullableText, telephone: nullableText, email: nullableText }),
    caisse: object({ numero: int, nom: text }),
    caissier: { ...nullableText, description: 'Full name of the clerk; null when an integration token sold' },
    lignes: {
      type: 'array',
      items: object({
        code: text,
        nom: text,
        quantite: { type: 'integer', minimum: 1 },
        prix_unitaire: money,
        total: money,
        quantite_retournee: { type: 'integer', minimum: 0 },
      }),
    },
    sous_total: money,
    taxes: { type: 'array', items: taxLine },
    total: money,
    paiements: { type: 'array', items: payment },
    monnaie_rendue: money,
    arrondi_especes: cashRounding,
    montant_rembourse: money,
    remboursements_par_mode: refundsByTender,
    net: { ...money, description: 'total − montant_rembourse' },
    statut: saleStatus,
  }),
  RegisterSession: withOptional(
    object({
      ...sessionSummary,
      rapport: {
        ...sessionReport,
        description: 'X report while open, Z report once closed; absent when asked with rapport=false, and for a clerk while the session is open (rapport_aveugle instead)',
      },
      rapport_aveugle: object(
        {
          type: { enum: ['X'] },
          ventes: object({ nombre: count }),
          retours: object({ nombre: count }),
        },
        'A clerk counts the drawer blind: while the session is open a clerk’s session token gets its counts only, no amount from which the expected cash follows; the Z report, once closed, has them all. Managers, admins and integration tokens get rapport'
      ),
    }),
    ['rapport', 'rapport_aveugle']
  ),
  RegisterSessionListItem: object({
    ...sessionSummary,
    especes_attendues: { ...nullableMoney, description: 'What the drawer should have held at closing; null while open' },
    especes_comptees: { ...nullableMoney, description: 'Counted at closing; null while open' },
    ecart: { ...nullableMoney, description: 'Counted − expected; null while open' },
  }),
  ReturnListItem: object({
    id: int,
    vente_id: int,
    numero_recu: { type: 'string', example: 'S1-R2-00000042' },
    magasin_id: int,
    caisse_id: { ...int, description: 'The register the goods came back at' },
    cree_le: instant,
    motif: text,
    mode_remboursement: { enum: [...Object.values(PAYMENT_METHOD_WIRE), 'mixte'] },
    total: { ...money, description: 'Refunded, taxes included (before the cash rounding)' },
    remis_en_stock: { type: 'boolean', description: 'false: some or all of the goods came back damaged (not put back in stock); GET /returns/{id} says which lines' },
    par: {
      type: ['object', 'null'],
      description: 'Who made it (a manager who authorised it at a clerk’s register is the one named); null for an integration token',
      properties: { id: int, nom_complet: text },
      required: ['id', 'nom_complet'],
      additionalProperties: false,
    },
    hors_delai_caissier: {
      type: 'boolean',
      description: 'Made later than a clerk may take goods back (RETURN_WINDOW_HOURS after the sale): a manager made or authorised it',
    },
  }),
  Return: object({
    id: int,
    vente_id: int,
    motif: text,
    mode_remboursement: {
      enum: [...Object.values(PAYMENT_METHOD_WIRE), 'mixte'],
      description: 'The tender refunded, or mixte when the refund was split across tenders (see remboursements)',
    },
    caisse_id: { ...int, description: "The register the return was made at: a cash refund left its drawer (the sale's unless caisse_id was sent)" },
    remis_en_stock: {
      type: 'boolean',
      description:
        "Whether every returned item went back to the store's stock (false: some or all came back damaged, refunded but not " +
        'sold again; each line says which)',
    },
    remboursements: {
      type: 'array',
      description:
        'What goes back to each tender, adding up to total + arrondi_especes: card and other first, then cash. No tender gets back ' +
        'more than it paid (cash net of change) less earlier refunds. Empty for a refund of 0.00 (or a cash one that rounds to 0.00)',
      items: object({ mode: paymentMode, montant: money }),
    },
    session_id: { ...nullableInt, description: 'Drawer session of a cash refund' },
    utilisateur_id: { ...nullableInt, description: 'User id; null when an integration token returned' },
    lignes: { type: 'array', items: returnLine },
    sous_total: money,
    total_taxes: money,
    total: { ...money, description: 'Refunded, taxes included' },
    arrondi_especes: {
      ...money,
      description:
        'The cash part handed back less its exact amount. Cash is handed back to the nickel on the running total of the sale’s ' +
        'cash refunds, never more than the drawer kept for the sale and all of it once its cash is refunded whole: a sale ' +
        'refunded in several returns gives back what it took, so one return may be off by more than 0.02 (never the running total)',
    },
    cree_le: instant,
    vente: object({ statut: saleStatus, montant_rembourse: money, total: money }, 'The sale after this return'),
  }),
}
