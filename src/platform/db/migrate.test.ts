import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { type Migration, migrate } from './index.js';

const first: Migration[] = [
  {
    id: 'test-001-schools',
    // Deliberately not idempotent: applying it twice would fail.
    sql: `CREATE SCHEMA tc;
          CREATE TABLE tc.schools (brin text PRIMARY KEY);
          INSERT INTO tc.schools VALUES ('00AA');`,
  },
  {
    id: 'test-002-sessions',
    sql: `CREATE TABLE tc.sessions (id serial PRIMARY KEY, brin text REFERENCES tc.schools)`,
  },
];
const second: Migration[] = [
  ...first,
  { id: 'test-003-gw', sql: `CREATE SCHEMA gw; CREATE TABLE gw.pupils (id serial PRIMARY KEY)` },
];

describeEachDatabase('migrations', (db, target) => {
  it('applies each migration once, in order, and nothing on a second run', async () => {
    expect(await migrate(db(), first)).toEqual({ applied: ['test-001-schools', 'test-002-sessions'] });
    expect(await migrate(db(), first)).toEqual({ applied: [] });
    expect(await migrate(db(), second)).toEqual({ applied: ['test-003-gw'] });
    const { rows } = await db().query<{ id: string; checksum: string }>(
      'SELECT id, checksum FROM platform_migrations ORDER BY applied_at',
    );
    expect(rows.map((r) => r.id)).toEqual(['test-001-schools', 'test-002-sessions', 'test-003-gw']);
    expect(rows[0].checksum).toMatch(/^[0-9a-f]{64}$/);
    expect((await db().query('SELECT count(*) AS n FROM tc.schools')).rows).toEqual([{ n: 1 }]);
  });

  it('rolls a failing migration back entirely and says which one failed', async () => {
    const broken: Migration[] = [
      ...second,
      { id: 'test-004-broken', sql: `CREATE TABLE tc.half (x int); SELECT no_such_function();` },
    ];
    const e = await migrate(db(), broken).catch((error) => error);
    expect(e).toMatchObject({
      code: 'MIGRATION_FAILED',
      details: { id: 'test-004-broken', sqlstate: '42883' },
    });
    expect((await db().query(`SELECT to_regclass('tc.half') AS t`)).rows).toEqual([{ t: null }]);
    expect(
      (await db().query(`SELECT id FROM platform_migrations WHERE id = 'test-004-broken'`)).rows,
    ).toEqual([]);
  });

  it('refuses a database that a newer version migrated, naming the unknown migration', async () => {
    await db().query(`INSERT INTO platform_migrations (id, checksum) VALUES ('test-999-future', 'x')`);
    const e = await migrate(db(), second).catch((error) => error);
    expect(e).toMatchObject({
      code: 'DATABASE_SCHEMA_NEWER',
      details: { unknownMigrations: ['test-999-future'] },
    });
    expect(e.messages.nl).toMatch(/nieuwere versie/);
    await db().query(`DELETE FROM platform_migrations WHERE id = 'test-999-future'`);
  });

  it('refuses a list with a duplicate id', async () => {
    await expect(migrate(db(), [...first, first[0]])).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });

  it('applies each migration exactly once when several instances start at the same moment', async () => {
    const instances = await Promise.all([
      target.openInstance(),
      target.openInstance(),
      target.openInstance(),
    ]);
    const many: Migration[] = Array.from({ length: 8 }, (_, i) => ({
      id: `race-${String(i).padStart(3, '0')}`,
      sql: `CREATE TABLE race_${i} (x int); INSERT INTO race_${i} VALUES (${i});`,
    }));
    const results = await Promise.all(instances.map((instance) => migrate(instance, [...second, ...many])));
    const applied = results.flatMap((r) => r.applied);
    expect(new Set(applied).size).toBe(applied.length); // no migration applied by two instances
    expect(applied.filter((id) => id.startsWith('race-')).sort()).toEqual(many.map((m) => m.id));
    for (let i = 0; i < many.length; i++) {
      expect((await db().query(`SELECT count(*) AS n FROM race_${i}`)).rows).toEqual([{ n: 1 }]);
    }
  });
});
