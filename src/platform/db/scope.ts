import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError } from '../errors.js';
import type { QueryResult, Tx } from './types.js';

type Misuse = 'query-in-transaction' | 'nested-transaction' | 'transaction-ended' | 'database-closed';

const MISUSE_MESSAGES: Record<Misuse, { nl: string; en: string }> = {
  'query-in-transaction': {
    nl: 'db.query() werd aangeroepen binnen een lopende db.transaction() van dezelfde database; gebruik tx.query(), zodat de opdracht deel is van de transactie.',
    en: 'db.query() was called inside a running db.transaction() of the same database; use tx.query() so that the statement is part of the transaction.',
  },
  'nested-transaction': {
    nl: 'db.transaction() werd aangeroepen binnen een lopende transactie; geneste transacties bestaan niet: geef de tx door.',
    en: 'db.transaction() was called inside a running transaction; there are no nested transactions: pass the tx on instead.',
  },
  'transaction-ended': {
    nl: 'tx.query() werd aangeroepen nadat de transactie was afgelopen; wacht (await) elke opdracht af binnen de transactiefunctie.',
    en: 'tx.query() was called after its transaction had ended; await every statement inside the transaction function.',
  },
  'database-closed': {
    nl: 'De database is al gesloten.',
    en: 'The database is already closed.',
  },
};

export function misuse(kind: Misuse): AppError {
  return new AppError('DATABASE_MISUSE', { misuse: kind }, MISUSE_MESSAGES[kind]);
}

type RunStatement = (sql: string, params?: readonly unknown[]) => Promise<QueryResult<unknown>>;

/**
 * Knows, per database, whether the code running now is inside one of its transactions, so that the
 * mistakes that would otherwise deadlock PGlite (its single connection is held by the transaction)
 * or silently escape the transaction on a server fail at once, with the same error on both.
 */
export class TransactionScope {
  readonly #current = new AsyncLocalStorage<{ open: boolean }>();

  /** Refuses `db.query` and `db.transaction` from inside a running transaction of this database. */
  assertOutside(what: 'query' | 'transaction'): void {
    if (this.#current.getStore()?.open) {
      throw misuse(what === 'query' ? 'query-in-transaction' : 'nested-transaction');
    }
  }

  /** Calls `fn` with a `tx` whose statements go to `run` while the transaction is open. */
  async run<T>(fn: (tx: Tx) => Promise<T>, run: RunStatement): Promise<T> {
    const state = { open: true };
    const tx: Tx = {
      async query<R>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
        if (!state.open) throw misuse('transaction-ended');
        return (await run(sql, params)) as QueryResult<R>;
      },
    };
    try {
      return await this.#current.run(state, () => fn(tx));
    } finally {
      state.open = false;
    }
  }
}
