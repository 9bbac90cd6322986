import type { Page } from 'playwright-core';

/**
 * Every URL `page` asks for from now on, in order: its requests (the document, scripts, styles, fonts, fetches) and
 * its WebSockets, from Playwright's own events, so nothing the page loads escapes the record. Attach before `goto`.
 */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  page.on('websocket', (socket) => urls.push(socket.url()));
  return urls;
}

/** Which of `urls` go over the network to a host other than `host`; data: and blob: URLs never leave the page. */
export function offHost(urls: readonly string[], host: string): string[] {
  return urls.filter((url) => {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || url === 'about:blank') return false;
    return parsed.hostname !== host;
  });
}
