import { BusinessError } from '../http/business-error';
import { single } from '../http/envelope';
import { optionalInteger, optionalText } from '../http/query-params';
import type { RouteDefinition } from '../router';
import { requireAuthorized } from './access';

/**
 * §6.2. productId wins over productKey; neither -> 50006. A product without a thing model (the
 * transparent dataFmt 0 product) answers 70097 "TSL empty" — chosen over 71006 [INFERRED].
 * The success msg is "OK", as in the reference example.
 */
const tslExport: RouteDefinition = {
  endpoint: 'tsl.export',
  methods: ['GET'],
  path: '/v2/quectsl/openapi/product/export/tslFile',
  envelope: 'A',
  authenticated: true,
  handle({ query }, { store }) {
    const productId = optionalInteger(query, 'productId');
    const productKey = optionalText(query, 'productKey');
    if (productId === undefined && productKey === undefined) throw new BusinessError(50006);
    const found = productId !== undefined ? store.productById(productId) : store.product(productKey as string);
    const product = requireAuthorized(found, 70017);
    if (!product.tsl) throw new BusinessError(70097);
    return single(product.tsl, 'OK');
  },
};

export const tslRoutes: readonly RouteDefinition[] = [tslExport];
