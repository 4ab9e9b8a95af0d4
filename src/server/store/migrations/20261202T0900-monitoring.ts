/**
 * Continuous monitoring (issue 5): series of readings per study, the imports that brought them
 * in, the readings themselves, and the derived hourly, daily and monthly rollups.
 *
 * FROZEN once released, like every migration: written against `Kysely<any>`. Times are epoch ms
 * (`bigint`: they exceed 2^31), measured values `double precision` (REAL affinity in SQLite),
 * both exact on both databases. The one dialect difference: SQLite keeps the bulk tables in
 * primary-key order (WITHOUT ROWID) and calls the blob type `blob`, PostgreSQL `bytea`.
 *
 * Readings are stored wide: one row per time with every parameter's value in `vals`, a blob of
 * little-endian float64 (NaN = missing), in the series' parameter order. A SPARING site-year
 * (5 parameters) is then 262 800 rows instead of 1.3 million, each with one key and one row
 * header. Measured against the long layout (series, parameter, time, value) on this machine:
 * inserts about 5× (SQLite) and 6× (PostgreSQL) faster, 3.6× and 5× smaller, and the rebuild's
 * read of every reading in time order about 3.5× faster (SQLite).
 *
 * Readings and rollups carry no foreign keys on purpose: a referential check per inserted row
 * would slow the bulk insert, and the store deletes them itself with their series or import.
 */
import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations must not depend on the app's table types
type AnyDatabase = Kysely<any>;

export async function up(db: AnyDatabase): Promise<void> {
  // The one portable probe of the dialect without an error (an error would abort PostgreSQL's
  // migration transaction): a comparison is a boolean there and the integer 1 in SQLite.
  const probe = await sql<{ b: unknown }>`select (1 = 1) as b`.execute(db);
  const sqlite = typeof probe.rows[0]?.b !== 'boolean';
  // SQLite: store the bulk tables in their primary key's order (no rowid, no second b-tree),
  // so a time range is one contiguous scan and an inserted row is written once.
  const clustered = <T extends { modifyEnd(node: ReturnType<typeof sql>): T }>(builder: T): T =>
    sqlite ? builder.modifyEnd(sql`without rowid`) : builder;

  await db.schema
    .createTable('monitoring_series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('study_id', 'text', (c) => c.notNull().references('studies.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    // Trimmed and lower-cased by the store: the unique constraint below is case-insensitive.
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('utc_offset_minutes', 'integer', (c) => c.notNull())
    .addColumn('expected_interval_seconds', 'double precision')
    // JSON array of the columns ({ id, unit }): the order of the values in every reading.
    .addColumn('parameters', 'text', (c) => c.notNull())
    .addColumn('readings', 'bigint', (c) => c.notNull())
    .addColumn('first_time_ms', 'bigint')
    .addColumn('last_time_ms', 'bigint')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('derived_fingerprint', 'text')
    // The engine's result without its hourly, daily and monthly arrays (those are the rollups).
    .addColumn('derived_json', 'text')
    .addUniqueConstraint('monitoring_series_name', ['study_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('monitoring_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('series_id', 'text', (c) =>
      c.notNull().references('monitoring_series.id').onDelete('cascade'),
    )
    .addColumn('organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addColumn('rows', 'bigint', (c) => c.notNull())
    .addColumn('first_time_ms', 'bigint')
    .addColumn('last_time_ms', 'bigint')
    .addColumn('report_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    // The last page stored: a pending import idle for long was abandoned.
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('monitoring_imports_status', sql`status in ('pending', 'complete')`)
    .execute();
  await db.schema
    .createIndex('monitoring_imports_series')
    .on('monitoring_imports')
    .columns(['series_id', 'created_at'])
    .execute();
  // One import at a time per series, even for two servers racing to begin one.
  await db.schema
    .createIndex('monitoring_imports_one_pending')
    .on('monitoring_imports')
    .column('series_id')
    .unique()
    .where(sql.ref('status'), '=', sql.lit('pending'))
    .execute();

  await db.schema
    .createTable('monitoring_readings')
    .addColumn('series_id', 'text', (c) => c.notNull())
    .addColumn('time_ms', 'bigint', (c) => c.notNull())
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('vals', sqlite ? 'blob' : 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('monitoring_readings_pk', ['series_id', 'time_ms'])
    .$call(clustered)
    .execute();

  await db.schema
    .createTable('monitoring_rollups')
    .addColumn('series_id', 'text', (c) => c.notNull())
    .addColumn('grain', 'text', (c) => c.notNull())
    .addColumn('parameter', 'smallint', (c) => c.notNull())
    .addColumn('start_ms', 'bigint', (c) => c.notNull())
    .addColumn('end_ms', 'bigint', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('missing', 'integer', (c) => c.notNull())
    .addColumn('mean', 'double precision')
    .addColumn('min', 'double precision')
    .addColumn('max', 'double precision')
    .addColumn('exceedances', 'integer', (c) => c.notNull())
    // Booleans as 0/1 (null = undefined): the same on both databases.
    .addColumn('mean_complies', 'smallint')
    .addColumn('extremes_comply', 'smallint')
    // All three null = no completeness; share alone null = nothing expected.
    .addColumn('completeness_present', 'integer')
    .addColumn('completeness_expected', 'double precision')
    .addColumn('completeness_share', 'double precision')
    // load_readings null = no load for this parameter.
    .addColumn('load_readings', 'integer')
    .addColumn('load_mean_rate', 'double precision')
    .addColumn('load_amount', 'double precision')
    .addColumn('load_rate_exceedances', 'integer')
    .addColumn('load_complies', 'smallint')
    // The dashboard's query: one series, a grain, a time range (every parameter), in start order.
    .addPrimaryKeyConstraint('monitoring_rollups_pk', [
      'series_id',
      'grain',
      'start_ms',
      'parameter',
    ])
    .addCheckConstraint('monitoring_rollups_grain', sql`grain in ('hour', 'day', 'month')`)
    .$call(clustered)
    .execute();
}

export async function down(db: AnyDatabase): Promise<void> {
  for (const table of [
    'monitoring_rollups',
    'monitoring_readings',
    'monitoring_imports',
    'monitoring_series',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
