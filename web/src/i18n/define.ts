/** A catalogue of one area: Dutch first; English must have exactly the same keys. */
export function defineMessages<const K extends string>(catalogue: {
  nl: Record<K, string>;
  en: Record<K, string>;
}): { nl: Record<K, string>; en: Record<K, string> } {
  return catalogue;
}

export type Language = 'nl' | 'en';
