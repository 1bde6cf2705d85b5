import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * What stands in for the internet when Firefox runs the extension. WebDriver BiDi intercepts
 * requests of browsing contexts (tabs), and the extension's background page is not one, so its
 * Semantic Scholar fetches would go out unseen. Firefox is pointed at a local proxy instead: its
 * CONNECT handler pipes the TLS stream of every routed host into one local HTTPS server, whose
 * certificate is made here at test time with openssl and covers exactly the routed names. Firefox
 * runs with `acceptInsecureCerts`, so the self-signed certificate is accepted without touching the
 * build or the system's trust store. A CONNECT to any other host is refused: nothing leaves the machine.
 */

/** Hosts the local HTTPS server answers for (arXiv pages, the two APIs). */
export const ROUTED_HOSTS = ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org', 'api.semanticscholar.org', 'api.openalex.org'] as const;

export interface LocalReply {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** Answers one request that reached the local HTTPS server (`url` is the full https URL). */
export type LocalHandler = (request: { method: string; url: string; host: string; body: string | null }) => LocalReply | Promise<LocalReply>;

export interface LocalInternet {
  /** `host:port` of the proxy Firefox is pointed at. */
  proxyHost: string;
  proxyPort: number;
  setHandler(handler: LocalHandler): void;
  /** Hosts whose CONNECT is refused as a network failure (Firefox reports it like a dropped connection). */
  setUnreachable(hosts: readonly string[]): void;
  /** CONNECTs refused because the host is not routed (should stay empty: every request is accounted for). */
  refusedHosts: string[];
  close(): Promise<void>;
}

/** A self-signed certificate for the routed hosts, made with openssl (an EC key: quick to make). */
function makeCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'citation-hub-cert-'));
  try {
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=arXiv Citation Hub test server',
        '-addext', `subjectAltName=${ROUTED_HOSTS.map((host) => `DNS:${host}`).join(',')}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
  } catch (error) {
    throw new Error(`openssl could not make the test certificate (is openssl installed?): ${String(error)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(chunks.length ? Buffer.concat(chunks).toString('utf8') : null));
    request.on('error', reject);
  });
}

function listen(server: HttpServer | HttpsServer): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function closeServer(server: HttpServer | HttpsServer): Promise<void> {
  server.closeAllConnections?.();
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startLocalInternet(): Promise<LocalInternet> {
  const { key, cert } = makeCertificate();
  let handler: LocalHandler = () => ({ status: 503, headers: { 'content-type': 'text/plain' }, body: 'no handler configured' });
  let unreachable = new Set<string>();
  const refusedHosts: string[] = [];
  /** Open tunnel sockets, with the host each one reaches. */
  const sockets = new Map<Socket, string>();

  const https = createHttpsServer({ key, cert }, (request, response) => {
    void (async () => {
      const host = (request.headers.host ?? '').replace(/:443$/, '');
      const url = `https://${host}${request.url ?? '/'}`;
      let reply: LocalReply;
      try {
        reply = await handler({ method: request.method ?? 'GET', url, host, body: await readBody(request) });
      } catch (error) {
        reply = { status: 599, headers: { 'content-type': 'text/plain' }, body: `test handler threw: ${String(error)}` };
      }
      if (response.destroyed) return;
      response.writeHead(reply.status, reply.headers ?? {});
      response.end(reply.body);
    })();
  });
  const httpsPort = await listen(https);

  const proxy = createHttpServer((_request, response) => {
    // Plain http is never routed (the extension and arXiv are https only).
    response.writeHead(403, { 'content-type': 'text/plain' }).end('plain http is not served in tests');
  });
  proxy.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    const [host = '', port = '443'] = (request.url ?? '').split(':');
    sockets.set(client, host);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    const routed = (ROUTED_HOSTS as readonly string[]).includes(host) && port === '443';
    if (!routed || unreachable.has(host)) {
      if (!routed) refusedHosts.push(host);
      client.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(httpsPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.set(upstream, host);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
  });
  const proxyPort = await listen(proxy);

  return {
    proxyHost: '127.0.0.1',
    proxyPort,
    setHandler(next) {
      handler = next;
    },
    setUnreachable(hosts) {
      unreachable = new Set(hosts);
      // Connections already open (kept alive) to those hosts go down too, as they would offline.
      for (const [socket, host] of sockets) if (unreachable.has(host)) socket.destroy();
    },
    refusedHosts,
    async close() {
      for (const socket of sockets.keys()) socket.destroy();
      await Promise.all([closeServer(proxy), closeServer(https)]);
    },
  };
}
