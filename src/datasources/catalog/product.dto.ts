/** Product row of `products` and `product/detail` (reference §6.1). Times are epoch-ms numeric strings (date-time strings are read too, §5). */
export interface ProductDto {
  productKey: string;
  productName: string;
  /** 0 direct, 1 gateway, 2 gateway sub-device (reference §5) */
  accessType: number;
  /** 0 Quectel cloud, 1 China Telecom AEP */
  connectPlatform?: number;
  /** 0 transparent, 3 thing model */
  dataFmt: number;
  /** "1" Wi-Fi, "2" cellular, "3" NB-IoT, "4" BLE, "5" Bluetooth */
  netWay?: string | null;
  logoPath?: string | null;
  createTime?: string | number | null;
  updateTime?: string | number | null;
  productConfig?: { aiCapabilityStatus?: boolean } | null;
}
