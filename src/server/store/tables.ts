/** The tables as the store's queries see them (the current state of the migrations). */
import type { MonitoringGrain, Role } from './store.js';

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
  monitoring_series: {
    id: string;
    organisation_id: string;
    study_id: string;
    name: string;
    name_key: string;
    utc_offset_minutes: number;
    expected_interval_seconds: number | null;
    /** JSON array of the columns ({ id, unit }). */
    parameters: string;
    readings: number;
    first_time_ms: number | null;
    last_time_ms: number | null;
    created_at: string;
    created_by: string;
    updated_at: string;
    derived_fingerprint: string | null;
    derived_json: string | null;
  };
  monitoring_imports: {
    id: string;
    series_id: string;
    organisation_id: string;
    file_name: string;
    status: 'pending' | 'complete';
    bytes: number;
    rows: number;
    first_time_ms: number | null;
    last_time_ms: number | null;
    report_json: string | null;
    created_at: string;
    created_by: string;
    updated_at: string;
  };
  monitoring_readings: {
    series_id: string;
    time_ms: number;
    import_id: string;
    /** Little-endian float64 per parameter, in the series' order; NaN = missing. */
    vals: Buffer;
  };
  monitoring_rollups: {
    series_id: string;
    grain: MonitoringGrain;
    parameter: number;
    start_ms: number;
    end_ms: number;
    key: string;
    count: number;
    missing: number;
    mean: number | null;
    min: number | null;
    max: number | null;
    exceedances: number;
    mean_complies: number | null;
    extremes_comply: number | null;
    completeness_present: number | null;
    completeness_expected: number | null;
    completeness_share: number | null;
    load_readings: number | null;
    load_mean_rate: number | null;
    load_amount: number | null;
    load_rate_exceedances: number | null;
    load_complies: number | null;
  };
}
