export {
  type CertificateKind,
  certificateFingerprint,
  createCa,
  ensureDevPki,
  type IssuedFiles,
  issueCertificate,
  loadTlsMaterial,
  type TlsMaterial,
  type TlsMaterialPaths,
  tlsMaterialFromEnv,
} from './ca.js';
