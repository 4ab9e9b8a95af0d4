/**
 * Every migration, by name. Names are timestamps, so the Migrator's alphabetical order is the
 * order they were written in. Listed statically (not read from a folder) so they work the
 * same from source, from dist and in a bundle.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './20261123T1100-initial.js';
import * as sessions from './20261201T0900-sessions.js';
import * as monitoring from './20261202T0900-monitoring.js';

const migrations: Record<string, Migration> = {
  '20261123T1100-initial': initial,
  '20261201T0900-sessions': sessions,
  '20261202T0900-monitoring': monitoring,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
