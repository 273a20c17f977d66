import { describe, expect, it } from 'vitest';
import { xmllintValidate } from '../../../test/support/xmllint.js';
import { writeDossier } from '../dossier-io.js';
import { DEFAULT_LIMITS } from '../limits.js';
import type { Dossier } from '../model.js';
import { CATEGORIES, PROFILE_CODES, type ProfileCode, requirementOf } from '../profiles.js';
import { validateDocument } from '../validate.js';
import { type AttachmentMode, generateDossier, generateDossiers } from './index.js';

const MODES: readonly AttachmentMode[] = ['none', 'small', 'realistic'];
const SEEDS = 30;

/** Dossier `seed % 5` of each seed, with the attachment mode cycling over the seeds. */
function sample(
  profile: ProfileCode,
): { seed: number; mode: AttachmentMode; dossier: Dossier; xml: Buffer }[] {
  return Array.from({ length: SEEDS }, (_, seed) => {
    const mode = MODES[seed % 3];
    const dossier = generateDossier({ profile, seed, attachments: mode }, seed % 5);
    return { seed, mode, dossier, xml: writeDossier(dossier) };
  });
}

describe.each(PROFILE_CODES)('generated %s dossiers', (profile) => {
  const dossiers = sample(profile);

  it(`pass strict validation without errors or warnings over ${SEEDS} seeds`, () => {
    const problems = dossiers.flatMap(({ seed, mode, xml }) =>
      validateDocument(xml, { mode: 'strict' }).findings.map(
        (f) => `seed ${seed} (${mode}): ${f.severity} ${f.rule} ${f.path} ${f.message.en}`,
      ),
    );
    expect(problems).toEqual([]);
  });

  it('declare every category as the profile table says, OPTIONEEL exactly when delivered', () => {
    for (const { dossier } of dossiers) {
      const declared = dossier.metadata.categorie_uitlevering as unknown as Record<string, string>;
      for (const c of CATEGORIES) {
        const requirement = requirementOf(profile, c.field);
        if (requirement !== 'OPTIONEEL') expect(declared[c.field]).toBe(requirement);
        else expect(['OPTIONEEL', 'OPT-UIT']).toContain(declared[c.field]);
      }
    }
  });

  it('carry the metadata of the profile', () => {
    for (const { dossier } of dossiers) {
      const m = dossier.metadata;
      expect([m.deeldossier, m.standaardversie, m.validatieversie]).toEqual(['LASLVS', '2019.1', '2019.1.1']);
      const leerling = dossier.huidigeschool.leerling;
      if (profile === 'BB') {
        expect([dossier.overdrachtsoort, m.overstap]).toEqual(['overdrachtbinnenbrin', 'POPO']);
      } else if (profile === 'POSWV' || profile === 'VOSWV') {
        expect([dossier.overdrachtsoort, m.overstap]).toEqual(['swv-dossier', profile]);
        expect(leerling.bsn).toBeUndefined();
        expect(leerling.onderwijsnummer).toBeUndefined();
      } else {
        expect([dossier.overdrachtsoort, m.overstap]).toEqual(['overstapdossier', profile]);
        expect(leerling.bsn).toMatch(/^\d{9}$/);
      }
    }
  });

  it('deliver VO-MBO data only where the profile allows it', () => {
    const vombo = dossiers.filter(({ dossier }) => dossier.huidigeschool.leerling.bevorderd !== undefined);
    if (profile === 'VOVO' || profile === 'VOSWV') expect(vombo.length).toBeGreaterThan(0);
    else expect(vombo).toEqual([]);
  });
});

describe('determinism', () => {
  it('gives byte-identical XML for the same seed and index, in every mode', () => {
    for (const profile of PROFILE_CODES) {
      for (const attachments of MODES) {
        const a = writeDossier(generateDossier({ profile, seed: 'herhaal', attachments }, 7));
        const b = writeDossier(generateDossier({ profile, seed: 'herhaal', attachments }, 7));
        expect(a.equals(b)).toBe(true);
      }
    }
    const sized = (n: number) =>
      writeDossier(generateDossier({ profile: 'VOVO', seed: 9, targetBytes: n }, 1));
    expect(sized(300_000).equals(sized(300_000))).toBe(true);
  });

  it('gives different dossiers for different indexes and seeds', () => {
    const xml = (seed: number, i: number) =>
      writeDossier(generateDossier({ profile: 'POVO', seed }, i)).toString();
    expect(xml(1, 0)).not.toBe(xml(1, 1));
    expect(xml(1, 0)).not.toBe(xml(2, 0));
  });

  it('generates a batch as the same dossiers one by one', () => {
    const batch = [...generateDossiers({ profile: 'POPO', seed: 5, count: 4, start: 10 })];
    expect(batch).toHaveLength(4);
    batch.forEach((d, i) => {
      expect(
        writeDossier(d).equals(writeDossier(generateDossier({ profile: 'POPO', seed: 5 }, 10 + i))),
      ).toBe(true);
    });
  });

  it('keeps the pupil the same whatever the attachment mode', () => {
    const pupil = (attachments: AttachmentMode) => {
      const l = generateDossier({ profile: 'POVO', seed: 3, attachments }, 2).huidigeschool.leerling;
      return [l.voornaam, l.achternaam, l.bsn, l.geboortedatum, l.overstapadvies?.advies];
    };
    expect(pupil('none')).toEqual(pupil('realistic'));
  });

  it('uses the given school and school year', () => {
    const d = generateDossier(
      {
        profile: 'POVO',
        seed: 1,
        schooljaar: '2024-2025',
        school: { brincode: '99ZZ', vestigingscode: '01', naam: 'Testschool De Proef' },
      },
      0,
    );
    expect([d.huidigeschool.brincode, d.huidigeschool.vestigingscode, d.huidigeschool.naam]).toEqual([
      '99ZZ',
      '01',
      'Testschool De Proef',
    ]);
    expect(d.huidigeschool.leerling.schoolloopbaanlijst?.schoolloopbaan.at(-1)?.schooljaar).toBe('2024-2025');
    expect(d.metadata.datum.startsWith('2025-')).toBe(true);
  });

  it('refuses options that cannot make a valid dossier', () => {
    expect(() => generateDossier({ profile: 'XYZ' as ProfileCode }, 0)).toThrow(RangeError);
    expect(() => generateDossier({ profile: 'POVO', schooljaar: '2025-2027' }, 0)).toThrow(RangeError);
    expect(() => generateDossier({ profile: 'POVO', targetBytes: -1 }, 0)).toThrow(RangeError);
    expect(() => generateDossier({ profile: 'POVO' }, -1)).toThrow(RangeError);
    expect(() =>
      generateDossier({ profile: 'POVO', school: { brincode: '1234', vestigingscode: '0', naam: 'x' } }, 0),
    ).toThrow(RangeError);
  });
});

describe('size targets', () => {
  const KB = 1024;
  const MB = 1024 * KB;

  it.each([20 * KB, 200 * KB, 5 * MB])(
    'pads every profile to %d bytes, less than a tenth under, and valid',
    (target) => {
      for (const profile of PROFILE_CODES) {
        for (const attachments of ['small', 'realistic'] as const) {
          const xml = writeDossier(
            generateDossier({ profile, seed: 12, attachments, targetBytes: target }, 3),
          );
          expect(Math.abs(xml.length - target) / target).toBeLessThan(0.1);
          expect(xml.length).toBeLessThanOrEqual(target);
          expect(validateDocument(xml, { mode: 'strict' }).findings).toEqual([]);
        }
      }
    },
  );

  it('reaches 50 MB with attachments that stay under the readers’ limits', () => {
    const target = 50 * MB;
    const xml = writeDossier(generateDossier({ profile: 'POVO', seed: 1, targetBytes: target }, 0));
    expect(Math.abs(xml.length - target) / target).toBeLessThan(0.1);
    expect(xml.length).toBeLessThanOrEqual(DEFAULT_LIMITS.maxBytes);
    expect(validateDocument(xml, { mode: 'strict' }).findings).toEqual([]);
  });
});

describe('schema validity against the official XSD (xmllint)', () => {
  it('accepts a sample of every profile in every attachment mode', async () => {
    const failures: string[] = [];
    for (const profile of PROFILE_CODES) {
      for (const [i, attachments] of MODES.entries()) {
        const result = await xmllintValidate(
          writeDossier(generateDossier({ profile, seed: 21, attachments }, i)),
        );
        if (!result.valid)
          failures.push(`${profile} ${attachments}: ${result.errors.slice(0, 2).join(' | ')}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
