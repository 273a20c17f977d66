/**
 * The shape of the compiled 2019.1 schema (`xsd.generated.ts`, made from the official XSD by
 * `npm run generate:schema`). One description drives the schema validator, the model reader and
 * the writer, so they cannot disagree about order, cardinality or types.
 */

export type BuiltinType = 'string' | 'boolean' | 'date' | 'integer' | 'int' | 'decimal';

export interface SimpleTypeDef {
  kind: 'simple';
  name: string;
  base: BuiltinType;
  minLength?: number;
  maxLength?: number;
  /** XSD regular expressions (implicitly anchored), all of which must match. */
  patterns?: string[];
  minInclusive?: number;
  maxInclusive?: number;
}

export interface ElementParticle {
  k: 'e';
  name: string;
  /** Name of a simple or complex type in the schema. */
  type: string;
  min: 0 | 1;
  /** 1 or -1 for unbounded. */
  max: 1 | -1;
  /** The `semantiek` documentation of the element, shortened: a label for people. */
  doc?: string;
}

export interface GroupParticle {
  k: 'seq' | 'choice';
  items: Particle[];
  min: 0 | 1;
  max: 1 | -1;
}

export type Particle = ElementParticle | GroupParticle;

export interface AttributeDef {
  name: string;
  type: string;
  required: boolean;
}

export interface ComplexTypeDef {
  kind: 'complex';
  name: string;
  /** Element content; null for simple content or an empty type. */
  content: Particle | null;
  /** For simple content: the type of the text. */
  simpleContent?: string;
  attributes: AttributeDef[];
}

export type TypeDef = SimpleTypeDef | ComplexTypeDef;

export interface SchemaDef {
  targetNamespace: string;
  /** Global element name → type name. */
  elements: Record<string, string>;
  types: Record<string, TypeDef>;
}
