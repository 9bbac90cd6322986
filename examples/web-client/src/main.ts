import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import { GatewayDocument, type GatewayQuery, LiveStatusDocument } from './generated/graphql';

/**
 * A gateway and its sub-devices, with each sub-device's online status kept live from the `deviceMessages`
 * subscription. One GraphQL client (urql): queries over HTTP, the subscription over graphql-ws on the same URL.
 */

type SubDevice = NonNullable<GatewayQuery['device']>['subDevices']['edges'][number]['node'];

const settings = new URLSearchParams(window.location.search);
const endpoint = new URL(document.querySelector<HTMLMetaElement>('meta[name="quec-graph-endpoint"]')?.content || '/graphql', window.location.href);
const gateway = { productKey: settings.get('productKey') ?? 'p1ciJR', deviceKey: settings.get('deviceKey') ?? '861237040287837' };

const wsUrl = new URL(endpoint.href);
wsUrl.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';
const ws = createWsClient({ url: wsUrl.href });

const client = new Client({
  url: endpoint.href,
  // POST with a JSON body: Apollo's CSRF prevention refuses a GET that carries neither a JSON content type nor a
  // preflight header, and urql would otherwise send short queries as GET.
  preferGetMethod: false,
  exchanges: [
    fetchExchange,
    subscriptionExchange({
      forwardSubscription: (request) => ({
        subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
      }),
    }),
  ],
});

const $ = (id: string): HTMLElement => document.getElementById(id) as HTMLElement;

function showError(message: string): void {
  $('error').textContent = message;
  $('error').hidden = false;
}

function row(device: SubDevice): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.dataset.device = `${device.productKey}/${device.deviceKey}`;
  for (const [name, text] of [
    ['product', device.productKey],
    ['key', device.deviceKey],
    ['name', device.name ?? ''],
    ['status', device.status],
  ]) {
    const td = document.createElement('td');
    td.className = name;
    td.textContent = text;
    tr.append(td);
  }
  return tr;
}

async function main(): Promise<void> {
  const result = await client.query(GatewayDocument, gateway).toPromise();
  if (result.error) return showError(result.error.message);
  const device = result.data?.device;
  if (!device) return showError(`No device ${gateway.productKey}/${gateway.deviceKey}`);
  $('gateway').textContent = `${device.product.name}: ${device.deviceKey} (${device.status})`;
  $('count').textContent = `${device.subDevices.totalCount} sub-devices`;
  $('devices').replaceChildren(...device.subDevices.edges.map((edge) => row(edge.node)));

  client.subscription(LiveStatusDocument, {}).subscribe((update) => {
    if (update.error) return showError(update.error.message);
    const message = update.data?.deviceMessages;
    const cell = document.querySelector(`tr[data-device="${message?.productKey}/${message?.deviceKey}"] td.status`);
    if (!message || !cell) return;
    const value = (message.data as { value?: number } | null)?.value;
    cell.textContent = value === 0 ? 'OFFLINE' : 'ONLINE';
    $('last-update').textContent = `${message.deviceKey} is ${cell.textContent}`;
  });
  $('live').textContent = 'live';
}

main().catch((error: unknown) => showError(error instanceof Error ? error.message : String(error)));
