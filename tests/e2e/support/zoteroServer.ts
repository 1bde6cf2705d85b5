import { createServer, type Server } from 'node:http';
import { createFakeZotero, type FakeZotero } from '../../fixtures/zotero/connector';

/** The Zotero connector stand-in behind a real HTTP server on 127.0.0.1:23119, Zotero's own port. */
export interface ZoteroServer {
  zotero: FakeZotero;
  start(): Promise<void>;
  /** As when the user quits Zotero: nothing listens on the port any more. */
  stop(): Promise<void>;
}

export function createZoteroServer(port = 23119): ZoteroServer {
  const zotero = createFakeZotero();
  let server: Server | null = null;
  return {
    zotero,
    start: () =>
      new Promise((resolve, reject) => {
        server = createServer((request, response) => {
          const chunks: Buffer[] = [];
          request.on('data', (chunk: Buffer) => chunks.push(chunk));
          request.on('end', () => {
            const bytes = Buffer.concat(chunks);
            const json = (request.headers['content-type'] ?? '').startsWith('application/json');
            const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
            const answer = zotero.handle(request.method ?? 'GET', request.url ?? '/', headers, bytes.length === 0 ? null : json ? bytes.toString('utf8') : new Uint8Array(bytes));
            if (answer.status === null) {
              request.socket.destroy();
              return;
            }
            response.writeHead(answer.status, answer.headers);
            response.end(answer.body);
          });
        });
        server.once('error', (error: NodeJS.ErrnoException) =>
          reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} is taken — is Zotero running? Quit it to run the Send to Zotero tests.`) : error),
        );
        server.listen(port, '127.0.0.1', () => resolve());
      }),
    stop: () =>
      new Promise((resolve) => {
        if (!server) return resolve();
        server.closeAllConnections();
        server.close(() => resolve());
        server = null;
      }),
  };
}
