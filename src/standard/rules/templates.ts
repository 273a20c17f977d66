/**
 * A walk over the tree in the manner of the profile stylesheets' templates: document order, a
 * catch-all that just descends, `dossier/metadata` handled without descending, and `leerling`
 * either descending (PaO, and strict mode) or not (official OV: its leerling template does not
 * apply templates, which is why the OV rules on the pupil's child blocks never fire there).
 */
import type { XElement } from '../xml/tree.js';
import { OSO_NAMESPACE } from './xpath.js';

export type Handler = (el: XElement) => void;

export interface Templates {
  /** `match="//od:dossier"`. */
  dossier?: Handler;
  /** `match="//od:dossier/od:metadata"`; its children are not visited. */
  metadata?: Handler;
  /** `match="//od:dossier/od:inzage"`. */
  inzage?: Handler;
  /** `match="od:huidigeschool"`. */
  huidigeschool?: Handler;
  /** `match="od:leerling"`. */
  leerling?: Handler;
  /** Other `match="od:name"` templates (verzorger, resultaat, score, …). */
  other: Readonly<Record<string, Handler>>;
}

function parentIsDossier(el: XElement): boolean {
  const p = el.parent;
  return p !== null && p.name === 'dossier' && p.ns === OSO_NAMESPACE;
}

export function applyTemplates(root: XElement, t: Templates, descendLeerling: boolean): void {
  const visit = (el: XElement): void => {
    if (el.ns === OSO_NAMESPACE) {
      switch (el.name) {
        case 'dossier':
          t.dossier?.(el);
          break;
        case 'metadata':
          if (parentIsDossier(el)) {
            t.metadata?.(el);
            return;
          }
          break;
        case 'inzage':
          if (parentIsDossier(el)) t.inzage?.(el);
          break;
        case 'huidigeschool':
          t.huidigeschool?.(el);
          break;
        case 'leerling':
          t.leerling?.(el);
          if (!descendLeerling) return;
          break;
        default: {
          const h = t.other[el.name];
          if (h !== undefined) h(el);
        }
      }
    }
    for (const c of el.children) visit(c);
  };
  visit(root);
}
