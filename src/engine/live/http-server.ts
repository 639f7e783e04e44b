import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `127.0.0.1:<port>`, the form a Prometheus target takes. */
  address: string;
  close(): Promise<void>;
}

/** Listens on loopback; port 0 picks a free one. Closing drops kept-alive connections too. */
export function listen(app: Express, port = 0, host = '127.0.0.1'): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server: Server = app.listen(port, host);
    server.once('error', reject);
    server.once('listening', () => {
      const { port: boundPort } = server.address() as AddressInfo;
      const address = `${host}:${boundPort}`;
      resolve({ url: `http://${address}`, address, close: () => closeServer(server) });
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
