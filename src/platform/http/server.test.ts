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
          properties: {
            profile: { type: 'string', enum: ['POVO', 'VOVO'] },
            parts: { type: 'array', items: { type: 'integer' } },
            day: { type: 'string', format: 'date' },
            note: { type: 'string', maxLength: 5 },
          },
        },
      },
    },
    async () => ({ ok: true }),
  );
  app.post(
    '/api/things',
    {
      schema: {
        body: {
          type: 'object',
          properties: {
            profile: { type: 'string' },
            address: { type: 'object', properties: { street: { type: 'string' } } },
            lines: { type: 'array', items: { type: 'object', properties: { n: { type: 'integer' } } } },
          },
        },
      },
    },
    async (request) => ({ got: request.body }),
  );
  app.post(
    '/api/report',
    {
      schema: {
        body: { type: 'object', properties: { count: { type: 'integer' } }, additionalProperties: false },
      },
    },
    async (request) => ({ got: request.body }),
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

it('says in Dutch and in English what is wrong at each place, and in which part of the request', async () => {
  const cases: Array<[unknown, string, string, string]> = [
    [{}, '/profile', 'Dit veld is verplicht en ontbreekt.', 'This field is required and missing.'],
    [
      { profile: 'POSO' },
      '/profile',
      'Moet een van deze waarden zijn: "POVO", "VOVO".',
      'Must be one of these values: "POVO", "VOVO".',
    ],
    [{ profile: 'POVO', parts: ['x'] }, '/parts/0', 'Moet een geheel getal zijn.', 'Must be a whole number.'],
    [
      { profile: 'POVO', day: '1-2-2026' },
      '/day',
      'Moet een datum JJJJ-MM-DD zijn.',
      'Must be a date YYYY-MM-DD.',
    ],
    [{ profile: 'POVO', note: 'too long' }, '/note', 'Hoogstens 5 tekens.', 'At most 5 characters.'],
  ];
  for (const [body, path, nl, en] of cases) {
    const r = await post(body);
    expect([path, r.status]).toEqual([path, 400]);
    expect(r.body.details.part).toBe('body');
    expect(r.body.details.problems[0].path).toBe(path);
    expect(r.body.details.messages).toEqual({ [path]: { nl, en } });
  }
});

it('refuses a body field that an /api/ route does not know, wherever it is, in Dutch and English', async () => {
  const send = async (url: string, payload: object) => {
    const r = await app.inject({ method: 'POST', url, payload });
    return { status: r.statusCode, body: r.json() };
  };
  const known = { profile: 'POVO', address: { street: 'Dorpsstraat' }, lines: [{ n: 1 }] };
  expect(await send('/api/things', known)).toEqual({ status: 200, body: { got: known } });

  const cases: Array<[object, string]> = [
    [{ profile: 'POVO', preferenceRnak: 1 }, '/preferenceRnak'],
    [{ address: { street: 'Dorpsstraat', strret: 'x' } }, '/address/strret'],
    [{ lines: [{ n: 1 }, { m: 2 }] }, '/lines/1/m'],
  ];
  for (const [body, path] of cases) {
    const r = await send('/api/things', body);
    expect([path, r.status]).toEqual([path, 400]);
    expect(r.body.details.problems).toEqual([{ path, message: 'must NOT have additional properties' }]);
    expect(r.body.details.messages).toEqual({
      [path]: { nl: 'Dit veld bestaat hier niet.', en: 'This field does not exist here.' },
    });
  }
  // a schema that says additionalProperties: false on purpose keeps what it knows and drops the rest
  expect(await send('/api/report', { count: 3, names: ['Jansen'] })).toEqual({
    status: 200,
    body: { got: { count: 3 } },
  });
  // outside /api/ (the chain protocol) a field a newer peer adds is no error
  expect((await send('/things', { profile: 'POVO', extra: true })).status).toBe(200);
});
