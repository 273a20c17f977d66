import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from './server.js';

let app: HttpServer;
beforeAll(async () => {
  app = await createHttpServer({ title: 'test', description: 'test', logLevel: 'silent' });
  app.post(
    '/things',
    {
      schema: {
        body: {
          type: 'object',
          required: ['profile'],
          properties: { profile: { type: 'string' }, parts: { type: 'array', items: { type: 'integer' } } },
        },
      },
    },
    async () => ({ ok: true }),
  );
  await app.ready();
});
afterAll(async () => {
  await app?.close();
});

const post = async (body: unknown) => {
  const r = await app.inject({ method: 'POST', url: '/things', payload: body as object });
  return { status: r.statusCode, body: r.json() };
};

it('names where a request does not fit its schema as a JSON pointer, also for a missing property', async () => {
  const missing = await post({});
  expect(missing.status).toBe(400);
  expect(missing.body).toMatchObject({
    code: 'VALIDATION_FAILED',
    message: { nl: expect.any(String), en: expect.any(String) },
    details: { problems: [{ path: '/profile', message: expect.stringContaining('profile') }] },
  });
  expect((await post({ profile: 'POVO', parts: [1, 'two'] })).body.details.problems).toEqual([
    { path: '/parts/1', message: expect.any(String) },
  ]);
  expect((await post([])).body.details.problems).toEqual([{ path: '/', message: expect.any(String) }]);
});
