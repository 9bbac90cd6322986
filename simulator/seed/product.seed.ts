import type { Product, Project } from '../store/store.types';
import { PRODUCT_CATALOG, PROJECT_DESCRIPTIONS, PROJECT_NAMES } from './product.catalog';
import type { Random } from './random';
import { DAY_MS, SEED_ANCHOR_MS } from './seed.constants';
import { tslDocument } from './tsl/tsl.builders';

export function seedProjects(random: Random): Project[] {
  const firstId = random.int(200, 899);
  return PROJECT_NAMES.map((name, i) => ({ id: firstId + i * random.int(1, 7), name, description: PROJECT_DESCRIPTIONS[name] }));
}

/** One product per catalog blueprint; keys `p1` + 4 alphanumerics like upstream's `p11v14` (§5). */
export function seedProducts(random: Random, projects: Project[]): Product[] {
  const usedKeys = new Set<string>();
  const usedIds = new Set<number>();
  return PRODUCT_CATALOG.map((blueprint) => {
    let productKey: string;
    do productKey = `p1${random.alnum(4)}`;
    while (usedKeys.has(productKey));
    usedKeys.add(productKey);

    let productId: number;
    do productId = 1_190_000_000_000_000 + random.int(0, 9_999_999_999) * 1000 + random.int(0, 999);
    while (usedIds.has(productId));
    usedIds.add(productId);

    const createTime = SEED_ANCHOR_MS - random.int(300, 700) * DAY_MS + random.int(0, DAY_MS - 1);
    const updateTime = random.chance(0.6) ? createTime + random.int(1, 200) * DAY_MS + random.int(0, DAY_MS - 1) : null;
    const publishedAt = updateTime ?? createTime + random.int(1, 48) * 3_600_000;
    return {
      productId,
      productKey,
      productName: blueprint.productName,
      projectId: projects[blueprint.projectIndex].id,
      role: blueprint.role,
      accessType: blueprint.accessType,
      connectPlatform: 0,
      dataFmt: blueprint.dataFmt,
      netWay: blueprint.netWay,
      logoPath: random.chance(0.5) ? `https://iot-oss.quectelcn.com/product/logo/${productKey}.png` : null,
      createTime,
      updateTime,
      aiCapabilityStatus: random.chance(0.3),
      gatewayType: blueprint.gatewayType,
      authorized: blueprint.authorized,
      tsl: blueprint.tsl ? tslDocument(productKey, publishedAt, blueprint.tsl()) : null,
    };
  });
}
