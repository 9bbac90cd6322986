import { AccessType } from '../../schema/catalog/access-type.enum';
import { DataFormat } from '../../schema/catalog/data-format.enum';
import { NetworkType } from '../../schema/catalog/network-type.enum';
import type { Product } from '../../schema/catalog/product.type';
import type { ProductDto } from '../../datasources/catalog/product.dto';
import { toDate } from '../../datasources/platform/time';

const accessTypes: Record<number, AccessType> = { 0: AccessType.DIRECT, 1: AccessType.GATEWAY, 2: AccessType.SUB_DEVICE };

const networks: Record<string, NetworkType> = {
  '1': NetworkType.WIFI,
  '2': NetworkType.CELLULAR,
  '3': NetworkType.NB_IOT,
  '4': NetworkType.BLUETOOTH_LE,
  '5': NetworkType.BLUETOOTH,
};

export function toAccessType(code: number | null | undefined): AccessType {
  return accessTypes[code ?? 0] ?? AccessType.DIRECT;
}

/** dataFmt 3 is the thing model; 0 (and anything else) is transparent (reference §5). */
export function toDataFormat(code: number | null | undefined): DataFormat {
  return code === 3 ? DataFormat.THING_MODEL : DataFormat.TRANSPARENT;
}

export function toProduct(dto: ProductDto): Product {
  const netWay = dto.netWay === null || dto.netWay === undefined || dto.netWay === '' ? null : String(dto.netWay);
  return {
    productKey: dto.productKey,
    name: dto.productName,
    accessType: toAccessType(dto.accessType),
    dataFormat: toDataFormat(dto.dataFmt),
    network: netWay === null ? null : (networks[netWay] ?? NetworkType.OTHER),
    logoUrl: dto.logoPath || null,
    createdAt: toDate(dto.createTime),
    updatedAt: toDate(dto.updateTime),
  };
}
