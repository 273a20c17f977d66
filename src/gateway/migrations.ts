import type { Migration } from '../platform/db/index.js';
import { gatewayCoreMigrations } from './core-migrations.js';
import { receivingMigrations } from './receiving/migrations.js';
import { sendingMigrations } from './sending/migrations.js';

/** Every migration of the gateway, in order: core ('gw-0xx'), sending ('gw-1xx'), receiving ('gw-2xx'). */
export const gatewayMigrations: readonly Migration[] = [
  ...gatewayCoreMigrations,
  ...sendingMigrations,
  ...receivingMigrations,
];
