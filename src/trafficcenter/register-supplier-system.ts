import { randomUUID } from 'node:crypto';
import * as audit from '../platform/audit/index.js';
import { authorize, type Ctx } from '../platform/context.js';
import { isUniqueViolation } from '../platform/db/index.js';
import { AppError, isAppError } from '../platform/errors.js';
import { certificateFingerprint } from '../platform/pki/index.js';
import { normalizeFingerprint } from './chain-caller.js';
import type { NewSupplierSystem, SupplierSystem } from './schemas.js';

/**
 * The chain operator admits a supplier system (a school administration's OSO module), identified
 * from now on by its client certificate: given as PEM, or as the certificate's SHA-256 fingerprint.
 */
export async function registerSupplierSystem(ctx: Ctx, input: NewSupplierSystem): Promise<SupplierSystem> {
  authorize(ctx, 'tc:admin');
  const fingerprint = fingerprintOf(input);
  const id = randomUUID();
  try {
    return await ctx.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ created_at: Date }>(
        `INSERT INTO tc.supplier_systems (id, name, certificate_fingerprint) VALUES ($1, $2, $3)
         RETURNING created_at`,
        [id, input.name, fingerprint],
      );
      await audit.record(tx, ctx, 'tc.supplier.registered', {
        subject: `supplier:${id}`,
        details: { supplierName: input.name, certificateFingerprint: fingerprint },
      });
      return {
        id,
        name: input.name,
        certificateFingerprint: fingerprint,
        createdAt: rows[0].created_at.toISOString(),
      };
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new AppError('CERTIFICATE_ALREADY_REGISTERED', { certificateFingerprint: fingerprint });
    }
    throw e;
  }
}

function fingerprintOf(input: NewSupplierSystem): string {
  if ((input.certificatePem === undefined) === (input.certificateFingerprint === undefined)) {
    throw new AppError('CERTIFICATE_INVALID', {
      reason: 'give either certificatePem or certificateFingerprint',
    });
  }
  if (input.certificatePem !== undefined) {
    try {
      return certificateFingerprint(input.certificatePem);
    } catch (e) {
      if (isAppError(e)) throw new AppError('CERTIFICATE_INVALID', { reason: 'not a PEM certificate' });
      throw e;
    }
  }
  const hex = normalizeFingerprint(input.certificateFingerprint ?? '');
  if (!hex) {
    throw new AppError('CERTIFICATE_INVALID', { reason: 'not a SHA-256 fingerprint (64 hex digits)' });
  }
  return hex;
}
