import { CustomerProfile, type CustomerSummary } from '../../../shared/domain/customer';
import type { CustomerContact } from '../../../shared/domain/tracking';
import { KotaeError } from '../../../shared/errors';
import type { Library } from '../library';
import { getCustomer } from './queries';

/**
 * Saves a customer's contact and profile together (one form, one save). The log keeps which
 * fields changed, not their values: a profile holds feelings, not something to copy around.
 */
export function updateCustomer(
  library: Library,
  input: { id: number; contact: CustomerContact; profile: CustomerProfile },
): CustomerSummary {
  const before = getCustomer(library.db, input.id);
  const { contact } = input;
  const email = contact.email?.trim() || null;
  if (email) {
    const other = library.db
      .prepare('SELECT name FROM customers WHERE email = ? COLLATE NOCASE AND id != ?')
      .get(email, input.id) as { name: string } | undefined;
    if (other)
      throw new KotaeError('CONFLICT', { name: other.name, email }, undefined, 'customers:errors.emailTaken');
  }
  // Empty answers are dropped so "not known" stays distinguishable from an answer.
  const profile = Object.fromEntries(
    Object.entries(CustomerProfile.parse(input.profile)).filter(
      ([, v]) => typeof v === 'string' && v.trim() !== '',
    ),
  );
  const changed = [
    ...(['name', 'company', 'phone', 'language'] as const).filter((k) => before[k] !== contact[k]),
    ...(before.email !== email ? ['email'] : []),
    ...Object.keys({ ...before.profile, ...profile }).filter(
      (k) => before.profile[k as keyof CustomerProfile] !== profile[k],
    ),
  ];
  library.mutate(
    {
      action: 'customer.updated',
      entity: 'customer',
      entityId: input.id,
      customerId: input.id,
      summary: changed.length ? changed.join(', ') : '—',
      detail: { fields: changed },
    },
    (db) =>
      db
        .prepare(
          'UPDATE customers SET name = ?, email = ?, company = ?, phone = ?, language = ?, profile = ?, updated_at = ? WHERE id = ?',
        )
        .run(
          contact.name.trim(),
          email,
          contact.company,
          contact.phone,
          contact.language,
          JSON.stringify(profile),
          library.now(),
          input.id,
        ),
  );
  return getCustomer(library.db, input.id);
}
