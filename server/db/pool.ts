import pg from 'pg';

export interface PoolOptions {
  connectionString: string;
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
  max?: number;
}

/** A connection pool with bounded waits; idle-client errors are logged, never fatal. */
export function createPool(options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    statement_timeout: options.statementTimeoutMs ?? 15000,
    application_name: 'tessera',
  });
  pool.on('error', (error) => console.error('database: idle client error:', error.message));
  return pool;
}
