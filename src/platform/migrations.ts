import { AUDIT_APPEND_MIGRATION, AUDIT_MIGRATION } from './audit/index.js';
import { API_KEYS_NOTIFY_MIGRATION, apiKeyMigrations } from './auth/api-keys.js';
import { accountMigrations } from './auth/migrations.js';
import { KEYS_MIGRATION } from './crypto/index.js';
import type { Migration } from './db/index.js';
import { platformMigrations } from './db/index.js';

/** Every table the platform itself needs (jobs, encryption keys, audit log, API keys, people's accounts), in order. */
export const allPlatformMigrations: Migration[] = [
  ...platformMigrations,
  KEYS_MIGRATION,
  AUDIT_MIGRATION,
  ...apiKeyMigrations,
  AUDIT_APPEND_MIGRATION,
  ...accountMigrations,
  API_KEYS_NOTIFY_MIGRATION,
];
