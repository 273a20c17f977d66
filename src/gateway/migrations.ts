import type { Migration } from '../platform/db/index.js';
import { gatewayCoreMigrations } from './core-migrations.js';
import { hostingMigrations } from './hosting/migrations.js';
import { hostingPurgeMigrations } from './hosting/purge-migrations.js';
import { hostingResumeMigrations } from './hosting/resume-migrations.js';
import { instanceMigrations } from './instances/migrations.js';
import { pilotMigrations } from './pilot/migrations.js';
import { receivingMigrations } from './receiving/migrations.js';
import { inspectionLinkMigrations } from './sending/inspection-link-migrations.js';
import { sendingMigrations } from './sending/migrations.js';

/**
 * Every migration of the gateway, in order: core ('gw-0xx'), sending ('gw-1xx'), receiving ('gw-2xx'),
 * hosting over time ('gw-3xx': key rotation, end of hosting, resuming it, deleting the data after
 * retain_until), instances on one database ('gw-4xx'), the region's pilot mode ('gw-5xx', ADR 0007).
 */
export const gatewayMigrations: readonly Migration[] = [
  ...gatewayCoreMigrations,
  ...sendingMigrations,
  ...inspectionLinkMigrations,
  ...receivingMigrations,
  ...hostingMigrations,
  ...hostingResumeMigrations,
  ...hostingPurgeMigrations,
  ...instanceMigrations,
  ...pilotMigrations,
];
