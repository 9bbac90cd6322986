import { page, single } from '../http/envelope';
import { readPaging } from '../http/paging';
import { optionalText, requiredText } from '../http/query-params';
import type { RouteDefinition } from '../router';
import { productByKey } from './access';
import { toProductDetail, toProductRow } from './product.view';

/** §6.1. Only products authorized to the SaaS app are listed; newest first [INFERRED order]. */
const productList: RouteDefinition = {
  endpoint: 'product.list',
  methods: ['GET'],
  path: '/v2/quecproductmgr/r3/openapi/products',
  envelope: 'A',
  authenticated: true,
  handle({ query }, { store, options }) {
    const paging = readPaging(query, options.paging);
    const productKey = optionalText(query, 'productKey');
    const rows = store
      .authorizedProducts()
      .filter((p) => productKey === undefined || p.productKey === productKey)
      .sort((a, b) => b.createTime - a.createTime)
      .map(toProductRow);
    return page(rows, paging);
  },
};

const productDetail: RouteDefinition = {
  endpoint: 'product.detail',
  methods: ['GET'],
  path: '/v2/quecproductmgr/r3/openapi/product/detail',
  envelope: 'A',
  authenticated: true,
  handle({ query }, { store }) {
    const product = productByKey(store, requiredText(query, 'productKey'), 70017);
    return single(toProductDetail(product));
  },
};

export const productRoutes: readonly RouteDefinition[] = [productList, productDetail];
