/** A site with the devices installed there, identified by quec-graph's `Device` key. */
export interface SiteRecord {
  id: string;
  name: string;
  address?: string;
  devices: Array<{ productKey: string; deviceKey: string }>;
}

/**
 * Demo data for running the example on its own against quec-graph's embedded simulator (default seed 42): the
 * keys below exist there. Against the real platform, pass your own sites to `createSiteSubgraph`.
 */
export const DEMO_SITES: SiteRecord[] = [
  {
    id: 'site-hamburg',
    name: 'Hamburg depot',
    address: 'Am Sandtorkai 1, 20457 Hamburg',
    devices: [
      { productKey: 'p1awgC', deviceKey: '861237042284121' },
      { productKey: 'p1awgC', deviceKey: '866954061077229' },
      { productKey: 'p1ciJR', deviceKey: '861237040287837' },
    ],
  },
  {
    id: 'site-shanghai',
    name: 'Shanghai plant',
    address: '1801 Hongmei Road, Shanghai',
    devices: [
      { productKey: 'p1GB0t', deviceKey: 'A0764ED5BF79' },
      { productKey: 'p1VhHb', deviceKey: '70B3D57ED06424D4' },
    ],
  },
];
