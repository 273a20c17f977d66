import { StandardError } from './errors.js';
import { DEFAULT_XML_LIMITS, type XmlLimits } from './xml/parse.js';
import type { XElement } from './xml/tree.js';

/** Every limit a dossier reader applies; all configurable, all with safe defaults. */
export interface DossierLimits extends XmlLimits {
  /** Most `document` attachments in one dossier document. */
  maxAttachments: number;
  /** Largest single attachment, in bytes of base64 text. */
  maxAttachmentBytes: number;
}

export const DEFAULT_LIMITS: DossierLimits = {
  ...DEFAULT_XML_LIMITS,
  maxAttachments: 500,
  maxAttachmentBytes: 40 * 1024 * 1024,
};

/** Refuses a document with more or larger attachments than the limits allow. */
export function checkAttachmentLimits(root: XElement, limits: DossierLimits): void {
  let count = 0;
  const walk = (el: XElement) => {
    for (const c of el.children) {
      if (c.name === 'document') {
        count++;
        if (count > limits.maxAttachments) {
          throw new StandardError(
            'ATTACHMENT_LIMIT',
            {
              nl: `Het document bevat meer dan ${limits.maxAttachments} bijlagen; dat is meer dan is toegestaan.`,
              en: `The document holds more than ${limits.maxAttachments} attachments, more than allowed.`,
            },
            [
              {
                line: c.line,
                column: c.column,
                message: { nl: 'te veel bijlagen', en: 'too many attachments' },
              },
            ],
          );
        }
      } else if (c.name === 'bestandsinhoud' && c.texts !== null) {
        let size = 0;
        for (const t of c.texts) size += t.length;
        if (size > limits.maxAttachmentBytes) {
          const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
          throw new StandardError(
            'ATTACHMENT_TOO_LARGE',
            {
              nl: `Een bijlage (regel ${c.line}) is ${mb(size)} groot; de grens is ${mb(limits.maxAttachmentBytes)}.`,
              en: `An attachment (line ${c.line}) is ${mb(size)}; the limit is ${mb(limits.maxAttachmentBytes)}.`,
            },
            [
              {
                line: c.line,
                column: c.column,
                message: { nl: 'bijlage te groot', en: 'attachment too large' },
              },
            ],
          );
        }
      }
      if (c.children.length > 0) walk(c);
    }
  };
  walk(root);
}
