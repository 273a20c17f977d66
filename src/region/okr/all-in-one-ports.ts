import { addAttachment } from '../../gateway/index.js';
import type { DossierAttachments } from './deps.js';

/**
 * The OKR addendum's port in the all-in-one process: the gateway's own use case for a school's
 * attachments, called with the caller's context — the gateway checks dossier:write at the school
 * itself, checks the file, and makes the new version of the dossier.
 */
export function gatewayDossierAttachments(): DossierAttachments {
  return {
    async add(ctx, input) {
      const saved = await addAttachment(ctx, input);
      return { dossierId: saved.dossierId, version: saved.version, state: saved.state };
    },
  };
}
