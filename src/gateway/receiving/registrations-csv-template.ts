import { authorize, type Ctx } from '../../platform/context.js';
import { csvTemplate } from './registrations-csv.js';

/** The CSV template for registrations: the header row with the Dutch column names (UTF-8 with BOM, `;`). */
export function registrationsCsvTemplate(ctx: Pick<Ctx, 'actor'>, input: { schoolBrin: string }): string {
  authorize(ctx, 'registration:write', input.schoolBrin);
  return csvTemplate();
}
