import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';

export interface RecordedStatement {
  sql: string;
  params: unknown[];
}

/**
 * Records every statement a core runs on its SQLite connection, with its parameters, so a test
 * can ask SQLite how it planned the very queries the services send (kysely prepares each query
 * on this connection, then runs it with `all`, `get`, `run` or `iterate`).
 */
export function recordStatements(sqlite: SqliteDatabase): {
  take(): RecordedStatement[];
  stop(): void;
} {
  let recorded: RecordedStatement[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source) as Statement;
    return new Proxy(statement, {
      get(target, property) {
        const value = Reflect.get(target, property, target) as unknown;
        if (typeof value !== 'function') return value;
        if (property === 'all' || property === 'get' || property === 'run' || property === 'iterate') {
          return (...params: unknown[]) => {
            recorded.push({ sql: source, params });
            return (value as (...a: unknown[]) => unknown).apply(target, params);
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  }) as typeof sqlite.prepare;
  return {
    take() {
      const taken = recorded;
      recorded = [];
      return taken;
    },
    stop() {
      sqlite.prepare = prepare;
    },
  };
}

/** SQLite's plan for a statement, one line per step ("SEARCH t USING INDEX …", "SCAN t"…). */
export function planOf(sqlite: SqliteDatabase, statement: RecordedStatement): string[] {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.params) as Array<{
    detail: string;
  }>;
  return rows.map((row) => row.detail);
}
