import { createServer, type Server } from 'node:http';
import { StackUnreachableError } from '../common/errors.js';
import { findFreePort } from './free-port.js';
import { createAlertmanagerClient, createPrometheusClient } from './prometheus-client.js';

describe('the Prometheus client', () => {
  let server: Server;
  let baseUrl: string;
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      const url = new URL(request.url ?? '/', 'http://x');
      response.setHeader('content-type', 'application/json');
      if (url.pathname === '/-/ready') {
        response.end('Prometheus Server is Ready.');
      } else if (url.pathname === '/api/v1/query' && url.searchParams.get('query') === 'bad(') {
        response.statusCode = 400;
        response.end(
          JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error' }),
        );
      } else if (url.pathname === '/api/v1/query') {
        response.end(
          JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }),
        );
      } else if (url.pathname === '/api/v1/rules') {
        response.end(JSON.stringify({ status: 'success', data: { groups: [] } }));
      } else {
        response.statusCode = 404;
        response.end('404 page not found');
      }
    });
    const port = await findFreePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${port}/`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('returns the data out of the API envelope', async () => {
    expect(await createPrometheusClient(baseUrl).ruleGroups()).toEqual([]);
  });

  it('sends the query and its time in seconds', async () => {
    const result = await createPrometheusClient(baseUrl).query('up == 0', 1_700_000_000_500);

    expect(result).toEqual({ resultType: 'vector', result: [] });
    expect(requests.at(-1)).toBe('/api/v1/query?query=up+%3D%3D+0&time=1700000000.5');
  });

  it("throws StackUnreachableError with Prometheus's own error", async () => {
    const error: unknown = await createPrometheusClient(baseUrl)
      .query('bad(')
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(StackUnreachableError);
    expect((error as Error).message).toBe(
      `${baseUrl}api/v1/query?query=bad%28 answered with an error: parse error`,
    );
  });

  it('throws StackUnreachableError naming the URL when the answer is not the API', async () => {
    await expect(createPrometheusClient(baseUrl).targets()).rejects.toThrow(
      `${baseUrl}api/v1/targets answered with an error: HTTP 404`,
    );
  });

  it('throws StackUnreachableError naming the URL when nothing listens', async () => {
    const closed = `http://127.0.0.1:${await findFreePort()}`;
    const error: unknown = await createPrometheusClient(closed)
      .alerts()
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(StackUnreachableError);
    expect((error as Error).message).toContain(`cannot reach ${closed}/api/v1/alerts`);
  });

  it('tells ready from unreachable without throwing', async () => {
    const closed = `http://127.0.0.1:${await findFreePort()}`;

    expect(await createPrometheusClient(baseUrl).isReady()).toBe(true);
    expect(await createPrometheusClient(closed).isReady()).toBe(false);
    expect(await createAlertmanagerClient(closed).isReady()).toBe(false);
  });
});
