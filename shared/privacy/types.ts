export const privacyKinds = [
  'email',
  'phone',
  'postal',
  'address',
  'url',
  'order',
  'name',
  'company',
  'quote',
] as const;
export type PrivacyKind = (typeof privacyKinds)[number];

/** Something in a text that may identify a customer. Offsets are into the text as written. */
export interface TextFinding {
  kind: PrivacyKind;
  start: number;
  end: number;
  /** The text as written. */
  text: string;
  /** What a decision about it is keyed on (findingKey): one decision covers every occurrence. */
  key: string;
}

/** What the library knows about a customer, as far as recognising them in a text goes. */
export interface CustomerIdentity {
  name: string;
  company: string;
  email: string | null;
  phone: string;
  website: string;
}
