import type { Ctx } from '../../platform/context.js';
import { LEERLING } from './catalogue.js';
import { confirmOkrSuggestions } from './confirm-okr-suggestions.js';
import { decideOkrField } from './decide-okr-field.js';
import { getOkr } from './get-okr.js';
import { importOkrFile } from './import-okr-file.js';

/**
 * The demo region's own transfer report: 27 fields as a region's OKR form has them, in sections.
 * Most have an element in the OSO gegevensset; some travel only when the school delivers them; the
 * pre-school (VVE) field may not go from po to vo at all; six are not in the gegevensset and make up
 * the regional addendum.
 */
export const DEMO_OKR_CSV = `veldnaam;sectie;omschrijving
Naam leerling;Leerlinggegevens;
Geboortedatum;Leerlinggegevens;
Groep;Leerlinggegevens;Huidige groep (meestal groep 8)
In Nederland sinds;Leerlinggegevens;Alleen invullen bij leerlingen die korter dan vier jaar in Nederland wonen
Gezag / wettelijk vertegenwoordiger;Gezin;Wie heeft het ouderlijk gezag?
Thuissituatie;Gezin;Bijzonderheden in de thuissituatie die van belang zijn voor de begeleiding
Doublures en versnellingen;Schoolloopbaan;Welke groepen zijn overgedaan of overgeslagen?
Schooladvies;Advies;Definitief schooladvies
Onderbouwing advies;Advies;
Voorkeur ouders;Advies;
Uitslag eindtoets;Advies;Standaardscore of referentieniveaus
Herzien advies;Advies;Na de uitslag van de doorstroomtoets
Toetsgegevens LVS;Leerresultaten;Vaardigheidsscores en DLE van de laatste twee jaar
Leerachterstand;Leerresultaten;In maanden, per vakgebied
Dyslexieverklaring;Ondersteuning;Kopie van de verklaring bijvoegen
Ontwikkelingsperspectief (OPP);Ondersteuning;
Arrangement;Ondersteuning;Extra ondersteuning vanuit het samenwerkingsverband
Onderwijsbehoeften;Ondersteuning;Wat heeft deze leerling nodig in het voortgezet onderwijs?
Medicijngebruik;Ondersteuning;
Verzuim (dagdelen);Verzuim;Geoorloofd en ongeoorloofd, afgelopen 12 maanden
Werkhouding;Ontwikkeling;Taakgerichtheid, concentratie, zelfstandigheid en tempo
Sociaal-emotionele ontwikkeling;Ontwikkeling;Welbevinden, omgang met leeftijdgenoten en volwassenen
NT2 / thuistaal;Ontwikkeling;Thuistaal en eventuele NT2-ondersteuning
Talenten en interesses;Ontwikkeling;
Betrokken hulpverlening;Ontwikkeling;Jeugdzorg, logopedie, wijkteam en dergelijke
Voorschoolse educatie (VVE);Overdracht;
Warme overdracht gewenst;Overdracht;Graag een gesprek met de mentor in de eerste weken
`;

/** Decisions the coordinator made by hand where no suggestion was sure enough (by field name). */
const BY_HAND: Readonly<Record<string, string[] | 'not_in_oso'>> = {
  'Uitslag eindtoets': [
    `${LEERLING}/eindtoets_basisonderwijs/eindtoetsresultaat/standaardscore`,
    `${LEERLING}/eindtoets_basisonderwijs/eindtoetsresultaat/onderdelen`,
  ],
};

/** Seeds the demo OKR of a region, fully mapped, as its coordinator would (an actor with region:admin). */
export async function seedDemoOkr(ctx: Ctx, regionId: string): Promise<void> {
  await importOkrFile(ctx, {
    regionId,
    fileName: 'okr-eemland-2027.csv',
    content: Buffer.from(DEMO_OKR_CSV),
  });
  for (const field of (await getOkr(ctx, regionId)).fields) {
    const decision = BY_HAND[field.name];
    if (decision === undefined) continue;
    await decideOkrField(ctx, {
      regionId,
      fieldId: field.id,
      decision:
        decision === 'not_in_oso' ? { mapping: 'not_in_oso' } : { mapping: 'oso', elements: decision },
    });
  }
  await confirmOkrSuggestions(ctx, { regionId, minScore: 0.5 });
}
