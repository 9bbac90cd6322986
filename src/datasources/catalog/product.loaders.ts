import DataLoader from 'dataloader';
import type { ProductApi } from './product.api';
import type { ProductDto } from './product.dto';
import type { TslDocumentDto } from './thing-model.dto';
import type { Page } from '../platform/page';
import { perKey, settleEach } from '../platform/per-key';

export interface ProductLoaders {
  /** Pages of the product list by 1-based page number; every row primes `productByKey`. */
  productPage: DataLoader<number, Page<ProductDto>>;
  productByKey: DataLoader<string, ProductDto | null>;
  thingModelByProduct: DataLoader<string, TslDocumentDto | null>;
}

export function createProductLoaders(api: ProductApi, pageSize: number): ProductLoaders {
  const productByKey = new DataLoader<string, ProductDto | null>((keys) => perKey(keys, (key) => api.getProduct(key)));

  const productPage = new DataLoader<number, Page<ProductDto>>((pageNums) =>
    settleEach(pageNums, async (pageNum) => {
      const page = await api.listProducts({ pageNum, pageSize });
      for (const product of page.rows) productByKey.prime(product.productKey, product);
      return page;
    }),
  );

  const thingModelByProduct = new DataLoader<string, TslDocumentDto | null>((keys) => perKey(keys, (key) => api.getThingModel(key)));

  return { productPage, productByKey, thingModelByProduct };
}
