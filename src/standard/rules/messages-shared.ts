/** Types and texts shared by the message catalogue modules. */

export type Text = readonly [nl: string, en: string];
export type Entry = Readonly<Record<string, Text>>;

export const secretPhone: Text = [
  'Dit telefoonnummer is geheim maar staat er toch in. Vervang het nummer door 9999999999.',
  'This phone number is marked secret but is included. Replace the number with 9999999999.',
];
export const secretEmail: Text = [
  'Dit e-mailadres is geheim maar staat er toch in. Vervang het adres door geheim@geheim.geheim.',
  'This e-mail address is marked secret but is included. Replace it with geheim@geheim.geheim.',
];
