export { commitment, commitmentMatches, newSalt, normalizeAchternaam } from './commitment.js';
export {
  createKeyring,
  DEV_KEY_FILE,
  type EncryptedColumn,
  formatKeyEntry,
  generateKey,
  KEYS_MIGRATION,
  type KeyringOptions,
  loadOrCreateDevKeys,
  parseKeyConfig,
  RECORD_VERSION,
  type RotatingKeyring,
  type RotationResult,
  retireKey,
  rotateEncryptedColumns,
  verifyKeys,
} from './keyring.js';
export {
  generateSealingKeyPair,
  open,
  openJson,
  SEAL_INFO,
  type SealContext,
  type SealInfo,
  seal,
  sealJson,
} from './sealing.js';
