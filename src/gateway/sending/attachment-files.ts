import { AppError } from '../../platform/errors.js';
import { ALLOWED_EXTENSIONS, extensionOf } from '../../standard/index.js';

/** Largest file a school may attach (before the standard's ZIP and base64 wrapping). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Most attachments in a dossier's own list (`overigdocumentlijst`). */
export const MAX_OWN_ATTACHMENTS = 20;

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What the first bytes of each allowed type must be (Office Open XML and OpenDocument are ZIPs). */
const SIGNATURES: Record<string, number[] | 'text'> = {
  pdf: PDF,
  png: PNG,
  jpg: JPEG,
  jpeg: JPEG,
  docx: ZIP,
  xlsx: ZIP,
  pptx: ZIP,
  odf: ZIP,
  odt: ZIP,
  ods: ZIP,
  odp: ZIP,
  doc: OLE,
  xls: OLE,
  ppt: OLE,
  txt: 'text',
};

const startsWith = (data: Uint8Array, signature: number[]) =>
  data.length >= signature.length && signature.every((b, i) => data[i] === b);

function isText(data: Uint8Array): boolean {
  if (data.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks a file a school wants to attach: a plain file name (no folders) with an extension the
 * standard allows (STANDARD.md §1.7), content that really is of that type (its first bytes), not
 * empty and at most MAX_ATTACHMENT_BYTES. Refuses with a typed AppError.
 */
export function checkAttachmentFile(fileName: string, content: Uint8Array): void {
  const name = fileName.trim();
  if (!name || name.length > 200 || /[/\\]/.test(name) || [...name].some((c) => c.charCodeAt(0) < 0x20)) {
    throw new AppError('VALIDATION_FAILED', {
      problems: { fileName: 'a file name without folders, 1–200 characters' },
    });
  }
  if (content.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new AppError('ATTACHMENT_TOO_LARGE', { size: content.byteLength, maxBytes: MAX_ATTACHMENT_BYTES });
  }
  if (content.byteLength === 0) {
    throw new AppError('VALIDATION_FAILED', { problems: { content: 'the file is empty' } });
  }
  const extension = extensionOf(name);
  const signature = extension && ALLOWED_EXTENSIONS.includes(extension) ? SIGNATURES[extension] : undefined;
  const fits =
    signature === 'text' ? isText(content) : signature !== undefined && startsWith(content, signature);
  if (!fits) {
    throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED', {
      extension: extension ?? null,
      allowed: Object.keys(SIGNATURES),
    });
  }
}
