import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import type { SiteRecord } from './data';

interface DeviceKey {
  productKey: string;
  deviceKey: string;
}

// The SDL lives next to this file in the source tree; the build emits JS under dist/, two levels further down.
const SDL_PATHS = [resolve(__dirname, 'schema.graphql'), resolve(__dirname, '../../../examples/site-subgraph/schema.graphql')];

export function siteTypeDefs(): string {
  for (const path of SDL_PATHS) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      // try the next location
    }
  }
  throw new Error(`site subgraph SDL not found in ${SDL_PATHS.join(', ')}`);
}

/** The site subgraph's schema over an in-memory list of sites. */
export function createSiteSchema(sites: readonly SiteRecord[]): GraphQLSchema {
  const byId = new Map(sites.map((site) => [site.id, site]));
  const siteOfDevice = new Map<string, SiteRecord>();
  for (const site of sites) for (const device of site.devices) siteOfDevice.set(`${device.productKey}/${device.deviceKey}`, site);
  const sorted = [...sites].sort((a, b) => a.name.localeCompare(b.name));
  return buildSubgraphSchema({
    typeDefs: parse(siteTypeDefs()),
    resolvers: {
      Query: {
        sites: () => sorted,
        site: (_: unknown, { id }: { id: string }) => byId.get(id) ?? null,
      },
      Site: {
        __resolveReference: ({ id }: { id: string }) => byId.get(id) ?? null,
        devices: (site: SiteRecord) => site.devices,
      },
      Device: {
        // Any device can be asked for its site; one that was never assigned simply has none.
        __resolveReference: (ref: DeviceKey) => ({ productKey: ref.productKey, deviceKey: ref.deviceKey }),
        site: (device: DeviceKey) => siteOfDevice.get(`${device.productKey}/${device.deviceKey}`) ?? null,
      },
    } as never,
  });
}

/** An Apollo Server for the site subgraph; the caller starts it (standalone or through an integration). */
export function createSiteServer(sites: readonly SiteRecord[]): ApolloServer {
  return new ApolloServer({ schema: createSiteSchema(sites), introspection: true });
}
