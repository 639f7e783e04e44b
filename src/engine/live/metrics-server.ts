import express from 'express';
import type { Registry } from 'prom-client';
import { listen, type RunningServer } from './http-server.js';

export interface MetricsServer extends RunningServer {
  /** While false, `/metrics` answers 503, so the scrape fails and `up` drops to 0. */
  setUp(up: boolean): void;
}

/** Serves the world's telemetry to Prometheus, one long-lived target for the whole run. */
export async function startMetricsServer(registry: Registry, port = 0): Promise<MetricsServer> {
  let up = true;
  const app = express();
  app.get('/metrics', async (_request, response) => {
    if (!up) {
      response.status(503).send('scrape target down (simulated fault)\n');
      return;
    }
    response.type(registry.contentType).send(await registry.metrics());
  });
  const server = await listen(app, port);

  return {
    ...server,
    setUp: (value) => {
      up = value;
    },
  };
}
