/** The Monte Carlo through the API: the engine's result for the stored study, seeded and bounded. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStudyText } from '../../src/document/parse-study.js';
import { resolveStudy } from '../../src/document/resolve-study.js';
import { monteCarloStudy, uncertainInputsOfStudy } from '../../src/engine/uncertainty/index.js';
import { cvAbcTextWith } from '../report/examples.js';
import {
  Client,
  httpDialects,
  removeTempRoots,
  startTestServer,
  type TestServer,
} from './http-harness.js';

afterAll(removeTempRoots);

function engineResult(text: string, iterations: number, seed: number) {
  const parsed = parseStudyText(text);
  if (!parsed.ok) throw new Error('does not parse');
  const resolved = resolveStudy(parsed.study);
  if (!resolved.ok) throw new Error('does not resolve');
  return monteCarloStudy(resolved.study, uncertainInputsOfStudy(resolved.study), {
    iterations,
    seed,
  });
}

for (const dialect of httpDialects) {
  describe(`GET …/uncertainty on ${dialect.name}`, () => {
    let server: TestServer;
    let client: Client;
    let url: string;
    const text = cvAbcTextWith();

    beforeAll(async () => {
      server = await startTestServer(dialect);
      client = await new Client(server.app).signUp('Analyst');
      const created = await client.request('POST', `/api/orgs/${client.orgId}/studies`, { text });
      expect(created.statusCode, created.body).toBe(201);
      url = `/api/orgs/${client.orgId}/studies/${created.json<{ id: string }>().id}/uncertainty`;
    });
    afterAll(async () => server.close());

    it("gives the engine's Monte Carlo of the stored study, with the block's iterations and seed", async () => {
      const response = await client.request('GET', url);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json<{ revision: number; uncertainty: unknown }>();
      expect(body.revision).toBe(1);
      expect(body.uncertainty).toEqual(JSON.parse(JSON.stringify(engineResult(text, 2000, 1))));
    });

    it('gives the one-thread result for a run long enough for the worker threads', async () => {
      const response = await client.request('GET', `${url}?iterations=25000&seed=3`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<{ uncertainty: unknown }>().uncertainty).toEqual(
        JSON.parse(JSON.stringify(engineResult(text, 25_000, 3))),
      );
    });

    it('repeats itself for a seed, and differs for another', async () => {
      const a = await client.request('GET', `${url}?iterations=500&seed=7`);
      const b = await client.request('GET', `${url}?iterations=500&seed=7`);
      const c = await client.request('GET', `${url}?iterations=500&seed=8`);
      expect(a.body).toBe(b.body);
      expect(a.body).not.toBe(c.body);
    });

    it('refuses more iterations than one request may run, and a bad seed, naming the field', async () => {
      const tooMany = await client.request('GET', `${url}?iterations=200001`);
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.body).toMatch(/iterations/);
      const badSeed = await client.request('GET', `${url}?seed=-1`);
      expect(badSeed.statusCode).toBe(400);
      expect(badSeed.body).toMatch(/seed/);
    });
  });
}
