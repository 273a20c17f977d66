import * as audit from '../../platform/audit/index.js';
import { authorize, type Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import {
  extensionOf,
  extractAttachment,
  isStandardError,
  listAttachments,
  readDossier,
} from '../../standard/index.js';
import { loadDossier, versionXml } from './dossier-store.js';

export interface ReadAttachmentInput {
  schoolBrin: string;
  dossierId: string;
  /** Position among all attachments of the current version, in document order (the overview's `position`). */
  position: number;
}

export interface AttachmentFile {
  fileName: string;
  contentType: string;
  data: Uint8Array;
}

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain; charset=utf-8',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};

/**
 * One attachment of the current version as the file it wraps (the first file in its ZIP), to open
 * or download. A ZIP that cannot be read (the official examples hold truncated placeholders) is
 * ATTACHMENT_NOT_FOUND with the standard's own words. The read is audited.
 */
export async function readAttachment(ctx: Ctx, input: ReadAttachmentInput): Promise<AttachmentFile> {
  authorize(ctx, 'dossier:read', input.schoolBrin);
  const dossier = await loadDossier(ctx.db, input.schoolBrin, input.dossierId);
  const model = readDossier(await versionXml(ctx.db, ctx.keyring, dossier.version_id));
  const entry = listAttachments(model)[input.position];
  if (!entry || !Number.isInteger(input.position)) {
    throw new AppError('ATTACHMENT_NOT_FOUND', { position: input.position });
  }
  let file: { name: string; data: Uint8Array } | undefined;
  try {
    file = extractAttachment(entry.document)[0];
  } catch (e) {
    if (isStandardError(e))
      throw new AppError('ATTACHMENT_NOT_FOUND', { reason: 'unreadable-zip' }, e.messages);
    throw e;
  }
  if (!file) throw new AppError('ATTACHMENT_NOT_FOUND', { reason: 'empty-zip' });
  await audit.record(ctx.db, ctx, 'dossier.attachment.read', {
    schoolBrin: input.schoolBrin,
    subject: dossier.id,
    details: { version: dossier.current_version, position: input.position, category: entry.category },
  });
  const fileName = file.name.slice(file.name.lastIndexOf('/') + 1) || entry.bestandsnaam;
  return {
    fileName,
    contentType: TYPES[extensionOf(fileName) ?? ''] ?? 'application/octet-stream',
    data: file.data,
  };
}
