import { toProduct } from '../datasources/product.mapper';
import { lazyDetail } from './lazy-detail.middleware';
import type { ProductSource } from './product.type';

/** Product fields a row lacks (e.g. a user domain's authorized products) load through `productByKey`. */
export const LoadProductDetail = lazyDetail<ProductSource>(
  async ({ productKey }, { loaders }) => {
    const dto = await loaders.productByKey.load(productKey);
    return dto && toProduct(dto);
  },
  ({ productKey }) => `Product ${productKey}`,
);
