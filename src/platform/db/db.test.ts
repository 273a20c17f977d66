import { inspect } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { AppError } from '../errors.js';
import { DatabaseError, isUniqueViolation, openDatabase } from './index.js';

describeEachDatabase('database', (db, target) => {
  beforeAll(async () => {
    await db().query(`
      CREATE TABLE pupils (id integer PRIMARY KEY, bsn text UNIQUE, born date, seen timestamptz, extra jsonb, photo bytea);
      CREATE TABLE counter (n integer NOT NULL);
      INSERT INTO counter VALUES (0);`);
  });

  it('binds $n parameters and returns rows and a row count', async () => {
    const inserted = await db().query('INSERT INTO pupils (id, bsn) VALUES ($1, $2), ($3, $4)', [
      1,
      'a',
      2,
      'b',
    ]);
    expect(inserted.rowCount).toBe(2);
    const { rows, rowCount } = await db().query<{ id: number; bsn: string }>(
      'SELECT id, bsn FROM pupils WHERE id = ANY($1::integer[]) ORDER BY id',
      [[1, 2]],
    );
    expect(rows).toEqual([
      { id: 1, bsn: 'a' },
      { id: 2, bsn: 'b' },
    ]);
    expect(rowCount).toBe(2);
    await db().query('DELETE FROM pupils');
  });

  it('gives the same JavaScript values on both databases', async () => {
    const seen = new Date('2026-03-01T23:30:00.000Z');
    await db().query('INSERT INTO pupils (id, born, seen, extra, photo) VALUES ($1, $2, $3, $4, $5)', [
      7,
      '2013-06-30',
      seen,
      { advies: 'havo', tags: ['a'] },
      new Uint8Array([1, 2, 255]),
    ]);
    const { rows } = await db().query(
      'SELECT born, seen, extra, photo, count(*) OVER () AS total FROM pupils',
    );
    const row = rows[0];
    expect(row.born).toBe('2013-06-30'); // a date stays a date, whatever the time zone
    expect(row.seen).toEqual(seen);
    expect(row.extra).toEqual({ advies: 'havo', tags: ['a'] });
    expect(row.total).toBe(1); // bigint (count) is a number
    expect(row.photo).toBeInstanceOf(Uint8Array);
    expect([...(row.photo as Uint8Array)]).toEqual([1, 2, 255]);
    await db().query('DELETE FROM pupils');
  });

  it('runs several statements in one call without parameters', async () => {
    const { rows } = await db().query('CREATE TEMP TABLE IF NOT EXISTS scratch (x int); SELECT 42 AS answer');
    expect(rows).toEqual([{ answer: 42 }]);
  });

  it('commits a transaction and returns what its function returns', async () => {
    const result = await db().transaction(async (tx) => {
      await tx.query('INSERT INTO pupils (id, bsn) VALUES ($1, $2)', [10, 'x']);
      return 'ok';
    });
    expect(result).toBe('ok');
    expect((await db().query('SELECT id FROM pupils WHERE id = 10')).rows).toHaveLength(1);
  });

  it('rolls back everything when the function throws, and rethrows its error', async () => {
    const boom = new Error('boom');
    await expect(
      db().transaction(async (tx) => {
        await tx.query('INSERT INTO pupils (id) VALUES (11)');
        await tx.query('UPDATE counter SET n = n + 100');
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect((await db().query('SELECT id FROM pupils WHERE id = 11')).rows).toHaveLength(0);
    expect((await db().query('SELECT n FROM counter')).rows).toEqual([{ n: 0 }]);
  });

  it('refuses to report a commit when a failed statement aborted the transaction', async () => {
    await expect(
      db().transaction(async (tx) => {
        await tx.query('INSERT INTO pupils (id) VALUES (12)');
        await tx.query('SELECT 1/0').catch(() => {}); // swallowed by the caller …
      }),
    ).rejects.toMatchObject({ code: '25P02' }); // … but the transaction did not commit
    expect((await db().query('SELECT id FROM pupils WHERE id = 12')).rows).toHaveLength(0);
  });

  it('commits after a failed statement that the caller rolled back to a savepoint', async () => {
    await db().transaction(async (tx) => {
      await tx.query('INSERT INTO pupils (id, bsn) VALUES (13, $1)', ['dup']);
      await tx.query('SAVEPOINT attempt');
      const e = await tx
        .query('INSERT INTO pupils (id, bsn) VALUES (14, $1)', ['dup'])
        .catch((error) => error);
      expect(isUniqueViolation(e)).toBe(true);
      await tx.query('ROLLBACK TO SAVEPOINT attempt');
    });
    expect((await db().query('SELECT id FROM pupils WHERE id IN (13, 14)')).rows).toEqual([{ id: 13 }]);
  });

  it('reports a unique violation by code and constraint, without the values of the row', async () => {
    const secret = '123456782';
    await db().query('INSERT INTO pupils (id, bsn) VALUES ($1, $2)', [20, secret]);
    const e = await db()
      .query('INSERT INTO pupils (id, bsn) VALUES ($1, $2)', [21, secret])
      .catch((error) => error);
    expect(e).toBeInstanceOf(DatabaseError);
    expect(isUniqueViolation(e)).toBe(true);
    expect(isUniqueViolation(e, 'pupils_bsn_key')).toBe(true);
    expect(isUniqueViolation(e, 'other')).toBe(false);
    expect(e).toMatchObject({ code: '23505', constraint: 'pupils_bsn_key', table: 'pupils' });
    // What a logger would write: no parameter, no value from the row.
    expect(JSON.stringify(e)).not.toContain(secret);
    expect(inspect(e, { depth: 5 })).not.toContain(secret);
    expect(`${e.message} ${e.stack}`).not.toContain(secret);
    expect(isUniqueViolation(new Error('duplicate'))).toBe(false);
  });

  it('refuses db.query and db.transaction inside a transaction, and a tx used after it ended', async () => {
    let leaked: { query: (sql: string) => Promise<unknown> } | undefined;
    const nestedQuery = db()
      .transaction(async () => {
        await db().query('SELECT 1');
      })
      .catch((e) => e);
    expect(await nestedQuery).toMatchObject({
      code: 'DATABASE_MISUSE',
      details: { misuse: 'query-in-transaction' },
    });
    const nested = db()
      .transaction(async () => db().transaction(async () => 1))
      .catch((e) => e);
    expect(await nested).toMatchObject({
      code: 'DATABASE_MISUSE',
      details: { misuse: 'nested-transaction' },
    });
    expect((await nested).message).toMatch(/pass the tx on/);
    await db().transaction(async (tx) => {
      leaked = tx;
    });
    await expect(leaked?.query('SELECT 1')).rejects.toMatchObject({
      code: 'DATABASE_MISUSE',
      details: { misuse: 'transaction-ended' },
    });
    // The database still works after each of these.
    expect((await db().query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('loses no update when concurrent transactions read-modify-write one row under a row lock', async () => {
    await db().query('UPDATE counter SET n = 0');
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db().transaction(async (tx) => {
          const { rows } = await tx.query<{ n: number }>('SELECT n FROM counter FOR UPDATE');
          await new Promise((r) => setTimeout(r, 1));
          await tx.query('UPDATE counter SET n = $1', [rows[0].n + 1]);
        }),
      ),
    );
    expect((await db().query('SELECT n FROM counter')).rows).toEqual([{ n: 20 }]);
  });

  it('sees the same data from a second instance', async () => {
    const other = await target.openInstance();
    await db().query('INSERT INTO pupils (id) VALUES (30)');
    expect((await other.query('SELECT id FROM pupils WHERE id = 30')).rows).toEqual([{ id: 30 }]);
  });

  it('runs a serializable transaction at that isolation level', async () => {
    const level = await db().transaction(
      async (tx) =>
        (await tx.query<{ l: string }>("SELECT current_setting('transaction_isolation') AS l")).rows[0].l,
      { serializable: true },
    );
    expect(level).toBe('serializable');
  });

  if (target.kind === 'pglite') {
    it('never interleaves the statements of overlapping transactions on its one connection', async () => {
      await db().query('CREATE TABLE log (at serial, event text)');
      const events: string[] = [];
      const work = (name: string) =>
        db().transaction(async (tx) => {
          for (let step = 0; step < 3; step++) {
            events.push(`${name}${step}`);
            await tx.query('INSERT INTO log (event) VALUES ($1)', [`${name}${step}`]);
            await new Promise((r) => setTimeout(r, 2));
          }
        });
      const outside = (async () => {
        await new Promise((r) => setTimeout(r, 1));
        // A plain query while a transaction runs waits for it: it sees all of it or none of it.
        return (await db().query<{ n: number }>('SELECT count(*) AS n FROM log')).rows[0].n;
      })();
      await Promise.all([work('a'), work('b'), work('c')]);
      const order = (await db().query<{ event: string }>('SELECT event FROM log ORDER BY at')).rows.map(
        (r) => r.event,
      );
      expect(order).toEqual(events);
      // Each transaction's three statements are consecutive: a0 a1 a2, then another's.
      const runs = [0, 3, 6].map((i) => order.slice(i, i + 3).join(' '));
      for (const run of runs) expect(run).toMatch(/^([abc])0 \1(?:1) \1(?:2)$/);
      expect(new Set(runs.map((run) => run[0])).size).toBe(3);
      expect([0, 3, 6, 9]).toContain(await outside);
    });
  }

  if (target.kind === 'postgres') {
    it('retries a serializable transaction that lost a race, until both settle consistently', async () => {
      await db().query('CREATE TABLE duty (doctor text, on_call boolean)');
      await db().query(`INSERT INTO duty VALUES ('a', true), ('b', true)`);
      // Classic write skew: each takes itself off call if someone else is still on call.
      let bothRead: () => void = () => {};
      const barrier = new Promise<void>((resolve) => {
        let arrived = 0;
        bothRead = () => {
          arrived += 1;
          if (arrived === 2) resolve();
        };
      });
      let runs = 0;
      const goOffCall = (doctor: string) =>
        db().transaction(
          async (tx) => {
            runs += 1;
            const { rows } = await tx.query<{ n: number }>('SELECT count(*) AS n FROM duty WHERE on_call');
            bothRead();
            await barrier; // the first attempts of both have read before either writes
            if (rows[0].n >= 2) await tx.query('UPDATE duty SET on_call = false WHERE doctor = $1', [doctor]);
            return rows[0].n;
          },
          { serializable: true },
        );
      const seen = await Promise.all([goOffCall('a'), goOffCall('b')]);
      expect(runs).toBe(3); // one of them failed with 40001 and ran again
      expect(seen.sort()).toEqual([1, 2]); // the retry saw the other's commit
      expect((await db().query('SELECT count(*) AS n FROM duty WHERE on_call')).rows).toEqual([{ n: 1 }]);
    });

    it('prepares a statement with parameters once per connection and runs it again with other values', async () => {
      await db().query('CREATE TABLE prepared_probe (id integer PRIMARY KEY, label text)');
      await db().query("INSERT INTO prepared_probe VALUES (1, 'een'), (2, 'twee')");
      const text = 'SELECT label FROM prepared_probe WHERE id = $1';
      const seen = await db().transaction(async (tx) => {
        const labels: string[] = [];
        for (const id of [1, 2, 1])
          labels.push((await tx.query<{ label: string }>(text, [id])).rows[0].label);
        // Without parameters: the simple protocol, never prepared.
        const { rows } = await tx.query<{ statement: string }>(
          'SELECT statement FROM pg_prepared_statements',
        );
        return { labels, prepared: rows.map((r) => r.statement).filter((t) => t === text) };
      });
      expect(seen).toEqual({ labels: ['een', 'twee', 'een'], prepared: [text] });
      // The server plans it again after the table changed; the answer stays right.
      await db().query('ALTER TABLE prepared_probe ADD COLUMN extra text');
      await db().query("UPDATE prepared_probe SET label = 'drie' WHERE id = 2");
      expect((await db().query(text, [2])).rows).toEqual([{ label: 'drie' }]);
    });

    it('keeps answering a prepared SELECT * after a column was added: one failure at most, then unprepared', async () => {
      await db().query(
        "CREATE TABLE star_probe (id integer PRIMARY KEY, label text); INSERT INTO star_probe VALUES (1, 'een')",
      );
      const text = 'SELECT * FROM star_probe WHERE id = $1';
      for (let i = 0; i < 3; i++)
        expect((await db().query(text, [1])).rows).toEqual([{ id: 1, label: 'een' }]);
      await db().query('ALTER TABLE star_probe ADD COLUMN extra text');
      const failures: unknown[] = [];
      let last: unknown;
      for (let i = 0; i < 6; i++) {
        await db()
          .query(text, [1])
          .then(
            (r) => {
              last = r.rows;
            },
            (e: unknown) => failures.push(e),
          );
      }
      expect(failures.length).toBeLessThanOrEqual(1);
      for (const e of failures) expect(e).toMatchObject({ code: '0A000' });
      expect(last).toEqual([{ id: 1, label: 'een', extra: null }]);
    });

    it('connects as application overstap, with a statement timeout and an idle-transaction timeout', async () => {
      const { rows } = await db().query(
        `SELECT current_setting('application_name') AS app, current_setting('statement_timeout') AS st,
                current_setting('idle_in_transaction_session_timeout') AS idle`,
      );
      expect(rows).toEqual([{ app: 'overstap', st: '30s', idle: '1min' }]);
    });

    it('refuses to open an unreachable server with DATABASE_UNAVAILABLE, naming no password', async () => {
      const e = await openDatabase({ url: 'postgres://me:s3cret@127.0.0.1:1/nowhere' }).catch(
        (error) => error,
      );
      expect(e).toBeInstanceOf(AppError);
      expect(e).toMatchObject({ code: 'DATABASE_UNAVAILABLE', details: { host: '127.0.0.1', port: '1' } });
      expect(JSON.stringify(e.details)).not.toContain('s3cret');
    });
  }
});

describe('openDatabase', () => {
  it('refuses a DATABASE_URL that is not a postgres URL', async () => {
    await expect(openDatabase({ url: 'mysql://x' })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});
