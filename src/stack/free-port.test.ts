import { createServer } from 'node:net';
import { findFreePort, findFreePorts } from './free-port.js';

describe('free ports', () => {
  it('finds a loopback port that can be bound', async () => {
    const port = await findFreePort();
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    await new Promise((resolve) => server.close(resolve));

    expect(port).toBeGreaterThan(0);
  });

  it('finds distinct ports when asked for several', async () => {
    const ports = await findFreePorts(5);

    expect(new Set(ports).size).toBe(5);
  });
});
