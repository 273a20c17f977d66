import type { Ctx } from '../../platform/context.js';
import type { Message } from '../../standard/index.js';
import { authorizeRegion, requireRegion } from '../region-store.js';
import { OSO_ELEMENTS } from './catalogue.js';
import { type ElementRef, elementRef } from './okr-store.js';

export interface OsoElementEntry extends ElementRef {
  /** The schema's documentation of the element (Dutch). */
  description: string;
  block: boolean;
}

export interface OsoElementCatalogue {
  /** The delivery categories in the standard's order, each with its elements in schema order. */
  categories: Array<{ category: string; label: Message; elements: OsoElementEntry[] }>;
}

/**
 * The elements of the OSO gegevensset a coordinator can map an OKR field to, per delivery
 * category, each with how it travels in this region (the final test may go via the platform).
 */
export async function listOsoElements(ctx: Ctx, regionId: string): Promise<OsoElementCatalogue> {
  authorizeRegion(ctx, 'region:read', regionId);
  const region = await ctx.db.transaction((tx) => requireRegion(tx, regionId));
  const categories: OsoElementCatalogue['categories'] = [];
  for (const element of OSO_ELEMENTS) {
    let group = categories.find((c) => c.category === element.category);
    if (!group) {
      group = { category: element.category, label: element.categoryLabel, elements: [] };
      categories.push(group);
    }
    group.elements.push({
      ...elementRef(element.path, region.settings.eindtoetsRoute),
      description: element.description,
      block: element.block,
    });
  }
  return { categories };
}
