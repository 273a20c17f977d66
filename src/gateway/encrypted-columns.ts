import type { EncryptedColumn } from '../platform/crypto/index.js';
import { earlierKeyAad } from './hosting/delivery-point-keys.js';
import { privateKeyAad } from './hosting/delivery-points.js';
import {
  receivedAad,
  receivedFindingsAad,
  registrationAad,
  rejectReasonAad,
} from './receiving/registration-store.js';
import { outgoingTerugkoppelingAad } from './receiving/send-terugkoppeling.js';
import {
  swvKoppelsleutelAad,
  swvReceivedAad,
  swvReceivedFindingsAad,
} from './receiving/swv-request-store.js';
import { findingsAad, identityAad, versionAad } from './sending/dossier-store.js';
import { incomingTerugkoppelingAad } from './sending/receive-feedback.js';

/**
 * Every column of the gateway that holds keyring records, with the AAD each is bound to: what
 * `overstap keys rotate` (rotateEncryptedColumns) re-encrypts under a new key.
 */
export const gatewayEncryptedColumns: EncryptedColumn[] = [
  { table: 'gw.delivery_points', idColumn: 'routing_key', column: 'private_key_enc', aad: privateKeyAad },
  { table: 'gw.delivery_point_keys', idColumn: 'id', column: 'private_key_enc', aad: earlierKeyAad },
  { table: 'gw.secrets', idColumn: 'name', column: 'value_enc', aad: (name) => `gw.secrets:${name}` },
  { table: 'gw.pupils', idColumn: 'id', column: 'identity_enc', aad: identityAad },
  { table: 'gw.dossier_versions', idColumn: 'id', column: 'xml_enc', aad: versionAad },
  { table: 'gw.dossier_versions', idColumn: 'id', column: 'findings_enc', aad: findingsAad },
  { table: 'gw.registrations', idColumn: 'id', column: 'identity_enc', aad: registrationAad },
  { table: 'gw.registrations', idColumn: 'id', column: 'reject_reason_enc', aad: rejectReasonAad },
  { table: 'gw.received_dossiers', idColumn: 'id', column: 'xml_enc', aad: receivedAad },
  { table: 'gw.received_dossiers', idColumn: 'id', column: 'findings_enc', aad: receivedFindingsAad },
  { table: 'gw.swv_requests', idColumn: 'id', column: 'koppelsleutel_enc', aad: swvKoppelsleutelAad },
  { table: 'gw.swv_received_dossiers', idColumn: 'id', column: 'xml_enc', aad: swvReceivedAad },
  { table: 'gw.swv_received_dossiers', idColumn: 'id', column: 'findings_enc', aad: swvReceivedFindingsAad },
  {
    table: 'gw.outgoing_terugkoppelingen',
    idColumn: 'id',
    column: 'xml_enc',
    aad: outgoingTerugkoppelingAad,
  },
  {
    table: 'gw.incoming_terugkoppelingen',
    idColumn: 'id',
    column: 'xml_enc',
    aad: incomingTerugkoppelingAad,
  },
];
