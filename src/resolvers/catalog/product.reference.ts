import type { Context } from '../../context';
import type { Product } from '../../schema/catalog/product.type';
import { toProduct } from './product.mapper';
import { assertProductKey, withKeyFields } from '../representation';

/** `_entities` for Product (by key or by id), through the same per-request loader as every other product lookup. */
export async function resolveProductReference(representation: { productKey?: unknown; id?: unknown }, ctx: Context): Promise<Product | null> {
  const dto = await ctx.loaders.productByKey.load(assertProductKey(withKeyFields('Product', representation).productKey));
  return dto ? toProduct(dto) : null;
}
