/**
 * Sessions on the server: the cookie names a row here, so signing out (or out everywhere)
 * ends the session even for a copy of the cookie, and a session ends at `expires_at` whatever
 * the cookie says.
 *
 * FROZEN once released, like every migration: written against `Kysely<any>`, portable types
 * only (ids are UUID text, times ISO-8601 UTC text).
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migrations must not depend on the app's table types
type AnyDatabase = Kysely<any>;

export async function up(db: AnyDatabase): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  // Sign-out everywhere and the clean-up of a user's expired sessions go by user.
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
}

export async function down(db: AnyDatabase): Promise<void> {
  await db.schema.dropTable('sessions').execute();
}
