import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startWebClient, type WebClientServer } from '../../examples/web-client/serve';
import { FakePushSource, pushBody } from '../fakes/fake-push-source';
import { chromiumAvailable, launchChromium, CHROMIUM_PATH } from '../helpers/chromium';
import { freePort } from '../helpers/free-port';
import { startHttpService, type HttpService } from '../helpers/http-service';
import { offHost, recordRequests } from '../helpers/page-requests';
import { WatchedMetrics } from '../helpers/watched-metrics';

/** The page's DOM, inside `page.evaluate` callbacks (tests are type-checked without the DOM lib). */
declare const document: any;

/** Screenshots of each step, for a human to look at when a run fails (gitignored). */
const SCREENSHOTS = join(__dirname, '../../test-output/browser');
/** The README's gateway and its 20 sub-devices in the simulator. */
const GATEWAY = { productKey: 'p1ciJR', deviceKey: '861237040287837' };

const available = chromiumAvailable();
const describeInBrowser = available ? describe : describe.skip;
if (!available) process.stderr.write(`browser tests skipped: ${CHROMIUM_PATH} is missing (apt-get install -y chromium)\n`);

/** Whether `url` stays on this machine; everything else the pages ask for is refused and recorded. */
function loopback(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

describeInBrowser('in headless Chromium: the example web client and the offline explorer', () => {
  let service: HttpService;
  let source: FakePushSource;
  let metrics: WatchedMetrics;
  let listed: WebClientServer;
  let unlisted: WebClientServer;
  let browser: { context: BrowserContext; close(): Promise<void> };
  const offLoopback: string[] = [];
  const consoleErrors: string[] = [];

  /** A new page on `url`; `watch` sees the page before it loads anything. */
  async function open(url: string, watch?: (page: Page) => void): Promise<Page> {
    const page = await browser.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    watch?.(page);
    await page.goto(url);
    return page;
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    source = new FakePushSource();
    metrics = new WatchedMetrics();
    // The web client's origin must be known before the service starts, to be listed in CORS_ORIGINS.
    const clientPort = await freePort();
    service = await startHttpService({ env: { CORS_ORIGINS: `http://127.0.0.1:${clientPort}` }, overrides: { pushSource: source, metrics } });
    listed = await startWebClient({ graphqlUrl: `${service.url}/graphql`, port: clientPort });
    unlisted = await startWebClient({ graphqlUrl: `${service.url}/graphql` });
    browser = await launchChromium();
    await browser.context.route('**/*', (route) => {
      if (loopback(route.request().url())) return route.continue();
      offLoopback.push(route.request().url());
      return route.abort('internetdisconnected');
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await listed?.close();
    await unlisted?.close();
    await service?.close();
  });

  afterEach(async () => {
    for (const page of browser.context.pages()) await page.close();
    await metrics.subscribers(0);
  });

  it('should run the README query from a listed origin, render the sub-devices and show a pushed status change', async () => {
    const page = await open(`${listed.url}?productKey=${GATEWAY.productKey}&deviceKey=${GATEWAY.deviceKey}`);
    await page.locator('#live', { hasText: 'live' }).waitFor();
    expect(await page.locator('#gateway').textContent()).toContain(GATEWAY.deviceKey);
    expect(await page.locator('#count').textContent()).toBe('20 sub-devices');
    const rows = page.locator('#devices tr');
    expect(await rows.count()).toBe(20);
    await page.screenshot({ path: join(SCREENSHOTS, 'web-client-loaded.png'), fullPage: true });

    const first = rows.first();
    const [productKey, deviceKey, before] = await Promise.all(['product', 'key', 'status'].map((cell) => first.locator(`td.${cell}`).textContent()));
    const after = before === 'ONLINE' ? 'OFFLINE' : 'ONLINE';
    await metrics.subscribers(1);
    source.emit(pushBody({ type: 'ONLINE', subtype: undefined, productKey, deviceKey, data: { value: after === 'ONLINE' ? 1 : 0 } }));
    await first.locator('td.status', { hasText: after }).waitFor();
    expect(await page.locator('#last-update').textContent()).toBe(`${deviceKey} is ${after}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'web-client-pushed.png'), fullPage: true });
    expect(offLoopback).toEqual([]);
  }, 60_000);

  it('should withhold responses from an origin CORS_ORIGINS does not list, and refuse its WebSocket', async () => {
    const page = await open(unlisted.url);
    await page.locator('#error:not([hidden])').waitFor();
    expect(await page.locator('#error').textContent()).toMatch(/Failed to fetch/);
    expect(await page.locator('#devices tr').count()).toBe(0);
    const socketOutcome = (from: Page) =>
      from.evaluate(
        (url) =>
          new Promise<string>((resolve) => {
            const socket = new WebSocket(url, 'graphql-transport-ws');
            socket.onopen = () => {
              socket.close();
              resolve('open');
            };
            socket.onclose = (event) => resolve(`closed ${event.code}`);
          }),
        `${service.url.replace('http', 'ws')}/graphql`,
      );
    expect(await socketOutcome(page)).toBe('closed 1006');
    await page.screenshot({ path: join(SCREENSHOTS, 'web-client-unlisted-origin.png'), fullPage: true });
    // The listed origin, for contrast: the same socket opens.
    expect(await socketOutcome(await open(listed.url))).toBe('open');
  }, 60_000);

  it('should serve GraphiQL offline from 127.0.0.1 alone, run the README query, then a subscription edited in that shows a push', async () => {
    let requested: string[] = [];
    const host = new URL(service.url).hostname;
    const page = await open(`${service.url}/graphiql`, (created) => {
      requested = recordRequests(created);
    });
    await page.locator('.graphiql-container').waitFor();
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    // CodeMirror spreads a line over many spans: wait on the pane's whole text.
    const resultShows = (text: string) =>
      page.waitForFunction((wanted) => document.querySelector('.result-window')?.textContent?.includes(wanted), text);
    await resultShows('"totalCount": 20');
    expect(await result.textContent()).toContain(GATEWAY.deviceKey);
    await page.screenshot({ path: join(SCREENSHOTS, 'graphiql-query.png') });

    // The edit and the run happen in one task, so GraphiQL's debounced (100 ms) re-read of the editor cannot have run
    // in between: the worst case of a run right after an edit, which sent the README query's operation name ("Gateway")
    // with this document until start.js derived the operation from the text sent (src/http/explorer-start.ts).
    // CodeMirror 5 hangs its editor on the wrapper element.
    await page.evaluate((query) => {
      document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue(query);
      document.querySelector('.graphiql-execute-button').click();
    }, 'subscription { deviceMessages(types: [ONLINE]) { deviceKey data } }');
    // Only a graphql-ws subscription reaches the push hub; sent any other way, an error fills the result pane.
    const started = await Promise.race([
      metrics.subscribers(1).then(() => 'subscribed'),
      resultShows('"errors"').then(async () => `failed: ${await result.textContent()}`),
    ]);
    expect(started).toBe('subscribed');
    source.emit(pushBody({ type: 'ONLINE', subtype: undefined, productKey: 'p1', deviceKey: 'pushed-to-graphiql', data: { value: 1 } }));
    await resultShows('"deviceKey": "pushed-to-graphiql"');
    expect(await result.textContent()).not.toContain('errors');
    await page.screenshot({ path: join(SCREENSHOTS, 'graphiql-subscription.png') });

    // Offline: every request the page made, WebSocket included, went to the service on 127.0.0.1.
    expect(host).toBe('127.0.0.1');
    expect(offHost(requested, host)).toEqual([]);
    expect(requested).toEqual(
      expect.arrayContaining([
        `${service.url}/graphiql`,
        `${service.url}/graphiql/assets/graphiql.js`,
        `${service.url.replace('http', 'ws')}/graphql`,
      ]),
    );
    expect(offLoopback).toEqual([]);
    expect(consoleErrors.filter((text) => text.includes('/graphiql') || /Content Security Policy/i.test(text))).toEqual([]);
  }, 60_000);
});
