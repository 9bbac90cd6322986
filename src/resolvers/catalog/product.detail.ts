import { toProduct } from './product.mapper';
import { lazyDetail } from '../lazy-detail';
import type { ProductSource } from '../../schema/catalog/product.type';

/** Product fields a row lacks (e.g. a user domain's authorized products) load through `productByKey`. */
export const loadProductDetail = lazyDetail<ProductSource>(
  async ({ productKey }, { loaders }) => {
    const dto = await loaders.productByKey.load(productKey);
    return dto && toProduct(dto);
  },
  ({ productKey }) => `Product ${productKey}`,
);
