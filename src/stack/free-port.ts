import { createServer } from 'node:net';

/**
 * A TCP port that is free on the loopback interface right now. The operating system picks it;
 * another process may still take it before the caller binds, so callers treat a failed bind as
 * a start failure rather than assuming the port stays theirs.
 */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error(`no port was assigned on ${host}`));
      });
    });
  });
}

/** `count` distinct free loopback ports. */
export async function findFreePorts(count: number, host = '127.0.0.1'): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await findFreePort(host));

  return [...ports];
}
