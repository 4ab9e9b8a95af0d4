/** The tables as the store's queries see them (the current state of the migrations). */
import type { Role } from './store.js';

export interface Database {
  users: {
    id: string;
    email: string;
    name: string;
    password_hash: string;
    created_at: string;
  };
  organisations: { id: string; name: string; created_at: string };
  memberships: { organisation_id: string; user_id: string; role: Role; created_at: string };
  invitations: {
    id: string;
    organisation_id: string;
    email: string;
    role: Role;
    token_hash: string;
    invited_by: string;
    created_at: string;
    expires_at: string;
    accepted_at: string | null;
    accepted_by: string | null;
  };
  studies: {
    id: string;
    organisation_id: string;
    title: string;
    current_revision: number;
    created_at: string;
    created_by: string;
    updated_at: string;
    updated_by: string;
    deleted_at: string | null;
    deleted_by: string | null;
  };
  study_revisions: {
    study_id: string;
    revision: number;
    author_id: string;
    created_at: string;
    document: string;
    summary: string;
  };
  sessions: {
    id: string;
    user_id: string;
    created_at: string;
    expires_at: string;
    revoked_at: string | null;
  };
}
