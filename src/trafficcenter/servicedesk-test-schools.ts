/**
 * Test set-up for the servicedesk's reads (not used by production code): a school brought to a
 * chosen place on the connection path through the real use cases.
 */
import type { ConnectionStatus } from './connection-path.js';
import { grantMandate } from './grant-mandate.js';
import { registerDeliveryPoint } from './register-delivery-point.js';
import { registerSchool } from './register-school.js';
import { revokeMandate } from './revoke-mandate.js';
import type { School, SupplierSystem } from './schemas.js';
import { setAdmission } from './set-admission.js';
import { randomPublicKey, type TcWorld, uniqueBrin, uniqueRoutingKey } from './test-fixtures.js';

export async function schoolAtStep(
  world: TcWorld,
  supplier: SupplierSystem,
  step: ConnectionStatus,
  school: Partial<Omit<School, 'brin'>> = {},
): Promise<School> {
  const ctx = world.ctx();
  const brin = uniqueBrin();
  const registered = await registerSchool(ctx, {
    brin,
    vestiging: '00',
    name: `Testschool ${brin}`,
    sector: 'po',
    board: 'Stichting Testonderwijs',
    region: 'Testregio',
    place: 'Utrecht',
    ...school,
  });
  if (step === 'supplier') return registered;
  await grantMandate(ctx, { supplierId: supplier.id, brin });
  if (step === 'mandate') {
    await revokeMandate(ctx, { supplierId: supplier.id, brin });
    return registered;
  }
  if (step === 'deliveryPoint') return registered;
  await registerDeliveryPoint(ctx, {
    routingKey: uniqueRoutingKey(brin.toLowerCase()),
    brin,
    supplierId: supplier.id,
    url: `https://gateway.test/chain/v1/delivery-points/${brin}`,
    purpose: 'OV',
    publicKey: randomPublicKey(),
  });
  if (step === 'testExchange') return registered;
  await setAdmission(ctx, brin, { action: 'recordTestExchange' });
  if (step === 'qualification') return registered;
  await setAdmission(ctx, brin, { action: 'qualify', from: '2026-01-01' });
  return registered;
}
