import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { defaultTransfersInFlight } from '../../platform/config.js';
import { isAppError } from '../../platform/errors.js';
import { createCa, issueCertificate, loadTlsMaterial } from '../../platform/pki/index.js';
import { inTransferSlot, setTransfersInFlight } from '../receiving/transfer-slots.js';
import { createGatewayChainClients } from './clients.js';

it('a request waiting for a peer that does not answer lends its transfer slot: the next request goes on', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'overstap-gw-clients-'));
  // a peer that takes the connection and never says a word (not even TLS)
  const sockets: Socket[] = [];
  const silent = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const address = silent.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  setTransfersInFlight(1);
  try {
    await createCa({ dir, commonName: 'Overstap test chain CA' });
    await issueCertificate({
      caDir: dir,
      outDir: dir,
      name: 'gateway',
      commonName: 'gateway',
      kind: 'both',
      ipAddresses: ['127.0.0.1'],
    });
    const tls = await loadTlsMaterial({
      cert: join(dir, 'gateway.crt'),
      key: join(dir, 'gateway.key'),
      ca: join(dir, 'ca.crt'),
    });
    const clients = createGatewayChainClients({
      tls,
      trafficCenterUrl: `https://127.0.0.1:${address.port}`,
      timeoutMs: 1_500,
    });
    try {
      const done: string[] = [];
      const waiting = inTransferSlot(async (away) => {
        try {
          await (clients.lending?.(away) ?? clients).trafficCenter.startSession(
            {
              destinationBrin: '21XX',
              destinationDeliveryPoint: '21XX00-OV-0123456789ab',
              sourceBrin: '01AA',
              kind: 'overstapdossier',
              commitment: 'A'.repeat(43),
            },
            'test-waiting',
          );
          done.push('waiting: answered');
        } catch (e) {
          done.push(`waiting: ${isAppError(e) ? e.code : String(e)}`);
        }
      });
      const next = inTransferSlot(async () => {
        done.push('next: done');
      });
      await next;
      // the one slot was lent: the next request ran while the first still waited for the peer
      expect(done).toEqual(['next: done']);
      await waiting;
      expect(done).toEqual(['next: done', 'waiting: CHAIN_UNREACHABLE']);
    } finally {
      clients.close();
    }
  } finally {
    setTransfersInFlight(defaultTransfersInFlight());
    for (const socket of sockets) socket.destroy();
    silent.close();
    await rm(dir, { recursive: true, force: true });
  }
}, 30_000);
