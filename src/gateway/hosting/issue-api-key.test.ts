import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.js';
import { refusal } from '../../../test/support/refusal.js';
import { resolveApiKey } from '../../platform/auth/api-keys.js';
import { hostSchool, schoolActor, type TestWorld, testMigrations, testWorld } from '../test-fixtures.js';
import { issueApiKey, revokeIssuedApiKey } from './issue-api-key.js';

const PO = '81PA';
const VO = '82VB';
const CHAIN = 'https://gateway.test:8443';

describeEachDatabase(
  'API keys issued by the gateway’s operator through the API',
  (db) => {
    let w: TestWorld;
    beforeAll(async () => {
      w = testWorld(db());
      await hostSchool(w, PO, { publicChainUrl: CHAIN });
      await hostSchool(w, VO, { publicChainUrl: CHAIN });
    });

    it('issues a key with the default permissions of its kind, for hosted schools only, and audits it without the key', async () => {
      expect(await refusal(issueApiKey(w.ctx(schoolActor([PO])), { kind: 'school', schools: [PO] }))).toBe(
        'FORBIDDEN',
      );
      const invalid = [
        { kind: 'operator' as 'school', schools: [PO] },
        { kind: 'school' as const, schools: [] },
        { kind: 'school' as const, schools: [PO, VO] },
        { kind: 'school' as const, schools: ['8PA'] },
        { kind: 'supplier' as const, schools: [PO], sector: 'po' as const },
      ];
      for (const input of invalid)
        expect(await refusal(issueApiKey(w.ctx(), input))).toBe('VALIDATION_FAILED');
      expect(await refusal(issueApiKey(w.ctx(), { kind: 'school', schools: ['99ZZ'] }))).toBe(
        'GW_SCHOOL_NOT_HOSTED',
      );

      const vo = await issueApiKey(w.ctx(), { kind: 'school', schools: [VO], sector: 'vo' });
      expect(vo).toMatchObject({ kind: 'school', schools: [VO] });
      expect(vo.permissions).toEqual([
        'registration:write',
        'request:send',
        'received:read',
        'received:write',
      ]);
      const actor = await resolveApiKey(db(), vo.key);
      expect(actor?.schools).toEqual(new Set([VO]));
      expect(actor?.permissions).toEqual(new Set(vo.permissions));
      const supplier = await issueApiKey(w.ctx(), {
        kind: 'supplier',
        schools: [PO, VO, PO],
        label: 'Pakket X',
      });
      expect(supplier.schools).toEqual([PO, VO]);
      expect((await resolveApiKey(db(), supplier.key))?.permissions).toEqual(new Set(supplier.permissions));
      expect(supplier.permissions).toContain('dossier:klaarzetten');

      const { rows } = await db().query<{ school_brin: string | null; subject: string; details: unknown }>(
        `SELECT school_brin, subject, details FROM platform.audit_log WHERE action = 'platform.api-key.issued' ORDER BY seq`,
      );
      expect(rows).toEqual([
        {
          school_brin: VO,
          subject: vo.id,
          details: { kind: 'school', schools: [VO], permissions: vo.permissions },
        },
        {
          school_brin: null,
          subject: supplier.id,
          details: { kind: 'supplier', schools: [PO, VO], permissions: supplier.permissions },
        },
      ]);
      const log = JSON.stringify(await db().query('SELECT * FROM platform.audit_log'));
      expect(log).not.toContain(vo.key);
      expect(log).not.toContain(supplier.key);
    });

    it('revokes a school’s or supplier’s key at once, never an operator’s', async () => {
      const key = await issueApiKey(w.ctx(), { kind: 'school', schools: [PO] });
      expect(await resolveApiKey(db(), key.key)).not.toBeNull();
      expect(await refusal(revokeIssuedApiKey(w.ctx(schoolActor([PO])), { id: key.id }))).toBe('FORBIDDEN');
      expect(await revokeIssuedApiKey(w.ctx(), { id: key.id })).toEqual({ id: key.id, revoked: true });
      expect(await resolveApiKey(db(), key.key)).toBeNull();
      expect(await refusal(revokeIssuedApiKey(w.ctx(), { id: key.id }))).toBe('NOT_FOUND');
      expect(await refusal(revokeIssuedApiKey(w.ctx(), { id: 'not-a-uuid' }))).toBe('NOT_FOUND');
      const { rows } = await db().query<{ id: string }>(
        `INSERT INTO platform.api_keys (id, key_hash, label, kind, permissions)
         VALUES (gen_random_uuid(), 'operator-hash', 'op', 'operator', '{gateway:admin}') RETURNING id`,
      );
      expect(await refusal(revokeIssuedApiKey(w.ctx(), { id: rows[0].id }))).toBe('NOT_FOUND');
      const audited = await db().query(
        `SELECT subject FROM platform.audit_log WHERE action = 'platform.api-key.revoked'`,
      );
      expect(audited.rows).toEqual([{ subject: key.id }]);
    });
  },
  { migrations: testMigrations },
);
