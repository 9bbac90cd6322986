import { Agent, request } from 'node:http';

/** Kept-alive connections shared by every request a bench process sends. */
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/**
 * POSTs one operation; rejects on a non-200 answer or any GraphQL error. A kept-alive connection the server closed
 * while idle (between two phases) is retried once on a new one, as Node's documentation advises.
 */
export function execute(url: string, body: string, retried = false): Promise<void> {
  return new Promise((resolvePost, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if (res.statusCode !== 200 || text.includes('"errors"')) reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
          else resolvePost();
        });
        res.on('error', reject);
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (req.reusedSocket && !retried && error.code === 'ECONNRESET') execute(url, body, true).then(resolvePost, reject);
      else reject(error);
    });
    req.end(body);
  });
}

/** Closes the kept-alive connections, so the bench process can exit. */
export function closeConnections(): void {
  agent.destroy();
}
