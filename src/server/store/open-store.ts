/**
 * The one place that knows which database is behind the Store: PostgreSQL for a
 * `postgres://` (or `postgresql://`) URL, otherwise an embedded SQLite file. Migrations run on
 * open, so a fresh database is ready and an old one is brought up to date.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.js';
import { createKyselyStore } from './kysely-store.js';
import type { Store } from './store.js';
import type { Database } from './tables.js';

export interface OpenStoreOptions {
  /** `postgres://user:pass@host:port/db` selects PostgreSQL; anything else, SQLite. */
  readonly databaseUrl?: string;
  /** SQLite only: the folder of `lestari.sqlite` (created if missing). Default `./data`. */
  readonly dataDir?: string;
  /** The clock for every stored time; tests pass their own. Default: the system clock. */
  readonly now?: () => Date;
}

/** SQLite waits this long for another connection's write lock before failing. */
const BUSY_TIMEOUT_MS = 5000;

export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const now = options.now ?? (() => new Date());
  const url = options.databaseUrl ?? '';
  const isPostgres = /^postgres(ql)?:\/\//i.test(url);
  const db = isPostgres ? openPostgres(url) : openSqlite(options.dataDir ?? './data');
  try {
    await migrate(db, isPostgres ? await currentSchema(db) : undefined);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createKyselyStore(db, isPostgres ? 'postgres' : 'sqlite', now);
}

function openPostgres(connectionString: string): Kysely<Database> {
  // PostgreSQL's default synchronous_commit = on: COMMIT returns after the WAL is flushed.
  const pool = new pg.Pool({ connectionString, max: 10, types: { getTypeParser } });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * pg returns `bigint` as a string (it may exceed 2^53); our bigints are epoch ms and counts,
 * far below, so they come back as numbers like SQLite's. Only this pool's parsers change.
 */
const getTypeParser = ((oid: number, format?: 'text' | 'binary') =>
  oid === pg.types.builtins.INT8 && format !== 'binary'
    ? parseInt8
    : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser;

function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`bigint ${text} is beyond 2^53`);
  return value;
}

function openSqlite(dataDir: string): Kysely<Database> {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new BetterSqlite3(join(dataDir, 'lestari.sqlite'));
  // WAL: readers never block the writer, and a commit is one append to the log.
  sqlite.pragma('journal_mode = WAL');
  // In WAL mode the default (NORMAL) syncs only at checkpoints, so a commit survives a
  // process crash but can be lost in a power cut or OS crash. FULL fsyncs the log on every
  // commit: a save we acknowledged is on disk. Saves are small and human-paced, so the cost is fine.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/**
 * The Migrator finds its bookkeeping tables by name in any schema, so in a PostgreSQL database
 * holding several schemas (tests, or two deployments) it must be told ours: the first schema
 * of the connection's search_path, where the migrations create the tables too.
 */
async function currentSchema(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(
    db,
  );
  const schema = rows[0]?.schema;
  if (schema === undefined || schema === null) {
    throw new Error('PostgreSQL has no current schema (check search_path)');
  }
  return schema;
}

async function migrate(
  db: Kysely<Database>,
  migrationTableSchema: string | undefined,
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(migrationTableSchema === undefined ? {} : { migrationTableSchema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed`, { cause: error });
  }
}
