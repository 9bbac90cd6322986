import { BusinessError } from '../http/business-error';
import { objectBody } from '../http/body-params';
import { requiredString } from '../http/body-fields';
import { pageB, readPageInfoPaging, singleB } from '../http/page-info';
import { requiredText } from '../http/query-params';
import type { RouteContext, RouteDefinition } from '../router';
import type { UserDomain } from '../store/admin.types';
import type { Product } from '../store/store.types';

// Product authorization of user domains (§11.8): which products an App's end users may bind and control. Only
// the four endpoint names and their methods are published; the prefix, envelope B, parameter names
// (userDomain, productKey), row shapes and the reading of codes 5224-5226 below are [INFERRED].
//
// Codes: 5023 / 5066 a missing user domain / product key (as on userDomainUserList and verifyBindingCode),
// 5015 unknown user domain, 70017 unknown product, 70089 a product not authorized to the SaaS app (it cannot be
// handed on), 5227 already authorized (a repeat add is refused), 5229 not authorized (revoke).
// User-domain type rules [INFERRED]: only App domains of type "1" (consumer App) and "2" (installer App) take
// product authorizations (else 5224); a disabled user domain takes none (5225); a consumer App does not take
// gateway sub-device products, whose devices reach it through their gateway (5226).

const BASE = '/v2/enduser/enterpriseapi';
const AUTHORIZABLE_TYPES: Readonly<Record<string, ReadonlyArray<Product['accessType']>>> = { '1': [0, 1], '2': [0, 1, 2] };

function domainOf(context: RouteContext, userDomain: string): UserDomain {
  const domain = context.store.admin.userDomain(userDomain);
  if (!domain) throw new BusinessError(5015);
  return domain;
}

function productOf(context: RouteContext, productKey: string): Product {
  const product = context.store.product(productKey);
  if (!product) throw new BusinessError(70017);
  if (!product.authorized) throw new BusinessError(70089);
  return product;
}

/** A product authorized to a user domain: the product's key fields and when it was authorized. */
const domainProducts: RouteDefinition = {
  endpoint: 'enduser.domainProductAuthList',
  methods: ['GET'],
  path: `${BASE}/userDomainProductAuthList`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, context) {
    const domain = domainOf(context, requiredText(query, 'userDomain', 5023));
    const paging = readPageInfoPaging(query, context.options.paging);
    const rows = context.store.admin.domainAuth.productAuths({ userDomain: domain.userDomain }).map((auth) => {
      const product = context.store.product(auth.productKey);
      return { productId: product?.productId ?? 0, productKey: auth.productKey, productName: product?.productName ?? '', authTime: auth.authTime };
    });
    return pageB(rows, paging);
  },
};

/** A user domain a product is authorized to: the domain's key fields and when the product was authorized. */
const productDomains: RouteDefinition = {
  endpoint: 'enduser.productAuthDomainList',
  methods: ['GET'],
  path: `${BASE}/productAuthUserDomainList`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, context) {
    const product = productOf(context, requiredText(query, 'productKey', 5066));
    const paging = readPageInfoPaging(query, context.options.paging);
    const rows = context.store.admin.domainAuth.productAuths({ productKey: product.productKey }).map((auth) => ({
      userDomainId: context.store.admin.userDomain(auth.userDomain)?.userDomainId ?? 0,
      userDomain: auth.userDomain,
      authTime: auth.authTime,
    }));
    return pageB(rows, paging);
  },
};

const authorize: RouteDefinition = {
  endpoint: 'enduser.addDomainProductAuth',
  methods: ['POST'],
  path: `${BASE}/addUserDomainProductAuth`,
  envelope: 'B',
  authenticated: true,
  handle({ body }, context) {
    const input = objectBody(body);
    const userDomain = requiredString(input, 'userDomain', 5023);
    const productKey = requiredString(input, 'productKey', 5066);
    const domain = domainOf(context, userDomain);
    const product = productOf(context, productKey);
    const accepts = AUTHORIZABLE_TYPES[domain.userDomainType];
    if (!accepts) throw new BusinessError(5224);
    if (!domain.enable) throw new BusinessError(5225);
    if (!accepts.includes(product.accessType)) throw new BusinessError(5226);
    if (context.store.admin.domainAuth.productAuth(userDomain, productKey)) throw new BusinessError(5227);
    context.store.admin.domainAuth.addProductAuth({ userDomain, productKey, authTime: context.clock.now() });
    return singleB({});
  },
};

const revoke: RouteDefinition = {
  endpoint: 'enduser.deleteDomainProductAuth',
  methods: ['DELETE'],
  path: `${BASE}/deleteUserDomainProductAuth`,
  envelope: 'B',
  authenticated: true,
  handle({ query }, context) {
    const userDomain = requiredText(query, 'userDomain', 5023);
    const productKey = requiredText(query, 'productKey', 5066);
    domainOf(context, userDomain);
    productOf(context, productKey);
    if (!context.store.admin.domainAuth.productAuth(userDomain, productKey)) throw new BusinessError(5229);
    context.store.admin.domainAuth.deleteProductAuth(userDomain, productKey);
    return singleB({});
  },
};

export const userDomainProductRoutes: readonly RouteDefinition[] = [domainProducts, productDomains, authorize, revoke];
