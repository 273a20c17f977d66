/**
 * The one database interface of Overstap. PostgreSQL is the only database: embedded as PGlite
 * (default, a data folder) or a PostgreSQL server (`DATABASE_URL`). Same SQL on both; parameters
 * are `$1, $2, …`. Everything that must happen together runs in one `transaction`.
 */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
}

export type Tx = Queryable;

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` in a transaction (READ COMMITTED unless asked otherwise) and commits, or rolls back
   * when it throws. A serialization failure or deadlock runs the whole of `fn` again (a few times),
   * so use cases can rely on the database to settle races — and `fn` must not do anything outside
   * the database that cannot happen twice.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>, options?: { serializable?: boolean }): Promise<T>;
  /**
   * PostgreSQL's LISTEN on `channel`: `onNotify` gets the payload of every NOTIFY (pg_notify) that
   * commits, from any instance on this database. `onGap` is called whenever notifications may have
   * been missed (the listening connection broke, or it came back): a cache that relies on them
   * must forget everything then, and not be trusted while `live` is false. Closing the database
   * closes its subscriptions.
   */
  listen(channel: string, onNotify: (payload: string) => void, onGap: () => void): Promise<Subscription>;
  close(): Promise<void>;
}

export interface Subscription {
  /** True while notifications arrive; false before the first LISTEN and while reconnecting. */
  readonly live: boolean;
  close(): Promise<void>;
}
