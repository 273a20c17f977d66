import type { Ctx } from '../../platform/context.js';
import type { ChainFacts } from '../deps.js';

/**
 * What the OKR addendum needs from the gateway: adding a file to a dossier's own attachments
 * (`overigdocumentlijst`), as the school that fills it in. The gateway's use case authorizes the
 * caller again (dossier:write at the school) and makes the new version. In the all-in-one process
 * `all-in-one-ports.ts` implements it over the gateway's public face.
 */
export interface DossierAttachments {
  add(
    ctx: Ctx,
    input: {
      schoolBrin: string;
      dossierId: string;
      version: number;
      fileName: string;
      omschrijving: string;
      content: Uint8Array;
    },
  ): Promise<{ dossierId: string; version: number; state: string }>;
}

export interface OkrDeps {
  /** School names for the addendum (the traffic center's facts). */
  chain: ChainFacts;
  attachments: DossierAttachments;
  /** Chromium for the PDF (default: the standard's chromiumPath()). */
  chromiumPath?: string;
}
