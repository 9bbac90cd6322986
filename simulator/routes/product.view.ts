import type { Product } from '../store/store.types';

/** Product list row (§6.1): times are numeric strings, a never-updated product has updateTime "". */
export function toProductRow(product: Product): Record<string, unknown> {
  return {
    accessType: product.accessType,
    connectPlatform: product.connectPlatform,
    createTime: String(product.createTime),
    dataFmt: product.dataFmt,
    logoPath: product.logoPath,
    netWay: product.netWay,
    productKey: product.productKey,
    productName: product.productName,
    updateTime: product.updateTime === null ? '' : String(product.updateTime),
  };
}

export function toProductDetail(product: Product): Record<string, unknown> {
  return { ...toProductRow(product), productConfig: { aiCapabilityStatus: product.aiCapabilityStatus } };
}
