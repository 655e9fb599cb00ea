import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { ACTUALS_COLUMNS } from '../../models/actuals/actuals-table.js';

/**
 * The downloadable actuals template: the columns of the upload in the chosen language, with
 * three example months (an intake of 10, then 9 and 1 participants, 2 job starts in month 1,
 * one fall-back in month 2) that pass the checks as they stand. The xlsx adds a sheet explaining
 * each column.
 */
export type TemplateLanguage = 'nl' | 'en';

const EXAMPLE: Record<string, (string | number)[]> = {
  month: [0, 1, 2],
  intake: [10, 9, 1],
  jobStarts: [0, 2, 1],
  inWork: [0, 2, 2],
  fallbacks: [0, 0, 1],
  otherExits: [0, 0, 0],
  partTimeStarts: [0, 1, 0],
  payments: [0, 0, 5000],
};

const EXPLANATION: Record<string, { en: string; nl: string }> = {
  month: { en: 'Contract month, 0 = the start month. Every month from 0 to the last must have a row.', nl: 'Contractmaand, 0 = de startmaand. Elke maand van 0 tot de laatste heeft een regel.' },
  profile: { en: 'Optional: the profile id; then one row per month and profile.', nl: 'Optioneel: het profiel-id; dan één regel per maand en profiel.' },
  intake: { en: 'Participants who entered the programme this month.', nl: 'Deelnemers die deze maand instroomden.' },
  jobStarts: { en: 'Participants who started work this month.', nl: 'Deelnemers die deze maand met werk begonnen (uitstroom naar werk).' },
  inWork: { en: 'Optional: participants in work at month end (checked).', nl: 'Optioneel: deelnemers aan het werk aan het eind van de maand (wordt gecontroleerd).' },
  fallbacks: { en: 'Participants who fell back onto bijstand after work.', nl: 'Deelnemers die na werk terugvielen in de bijstand.' },
  otherExits: { en: 'Optional (0): waiting participants who left bijstand for other reasons.', nl: 'Optioneel (0): wachtende deelnemers die om andere redenen uit de bijstand gingen.' },
  partTimeStarts: { en: 'Optional: of the job starts, how many part-time.', nl: 'Optioneel: hoeveel van de starts in deeltijd.' },
  sustained6: { en: 'Optional: participants completing 6 months in work this month.', nl: 'Optioneel: deelnemers die deze maand 6 maanden aan het werk zijn.' },
  sustained12: { en: 'Optional: the same for 12 months.', nl: 'Optioneel: idem voor 12 maanden.' },
  sustained24: { en: 'Optional: the same for 24 months.', nl: 'Optioneel: idem voor 24 maanden.' },
  payments: { en: 'Outcome payments made this month, euros.', nl: 'Deze maand betaalde resultaatbetalingen, euro.' },
};

const templateColumns = () => ACTUALS_COLUMNS.filter((c) => c.field !== 'profile' && !c.field.startsWith('sustained'));

export function actualsTemplateCsv(language: TemplateLanguage): string {
  const columns = templateColumns();
  const rows = [columns.map((c) => c[language]), ...[0, 1, 2].map((i) => columns.map((c) => EXAMPLE[c.field]?.[i] ?? ''))];
  return stringify(rows, { delimiter: language === 'nl' ? ';' : ',' });
}

export async function actualsTemplateXlsx(language: TemplateLanguage): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(language === 'nl' ? 'Realisaties' : 'Actuals');
  const columns = ACTUALS_COLUMNS;
  sheet.addRow(columns.map((c) => c[language]));
  sheet.getRow(1).font = { bold: true };
  for (const i of [0, 1, 2]) sheet.addRow(columns.map((c) => EXAMPLE[c.field]?.[i] ?? null));
  columns.forEach((c, index) => (sheet.getColumn(index + 1).width = Math.max(12, c[language].length + 2)));
  const about = workbook.addWorksheet(language === 'nl' ? 'Toelichting' : 'About');
  about.addRow(language === 'nl' ? ['Kolom', 'Betekenis', 'Verplicht'] : ['Column', 'Meaning', 'Required']);
  about.getRow(1).font = { bold: true };
  for (const c of columns) about.addRow([c[language], EXPLANATION[c.field][language], c.required ? (language === 'nl' ? 'ja' : 'yes') : language === 'nl' ? 'nee' : 'no']);
  about.getColumn(1).width = 28;
  about.getColumn(2).width = 90;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
