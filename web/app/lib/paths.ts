// URLs of the app's pages, for links and form actions (shared by server and browser).
export const productPath = (productId: number) => `/produits/${productId}`
export const posPath = (registerId: number) => `/caisses/${registerId}/vente`
export const returnsPath = (registerId: number) => `/caisses/${registerId}/retours`
export const receiptPath = (saleId: number) => `/ventes/${saleId}/recu`
export const registerSessionsPath = (registerId: number) => `/caisses/${registerId}/sessions`
export const registerSessionPath = (registerId: number, sessionId: number) => `/caisses/${registerId}/sessions/${sessionId}`
export const storeRegistersPath = (storeId: number) => `/magasins/${storeId}/caisses`
export const storeStockPath = (storeId: number) => `/magasins/${storeId}/stock`
