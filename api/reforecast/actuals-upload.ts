import type { Request } from 'express';
import type { z } from 'zod';
import { actualsFromTable, ActualsSchema, checkActuals, type Actuals, type TableLocation, type TableProblem } from '../../models/actuals/index.js';
import { createContractModel, type Contract } from '../../models/contract/index.js';
import type { DomainError, FieldPath } from '../../models/errors.js';
import { readActualsCsv, readActualsXlsx, UnreadableFileError } from '../../outputs/actuals/read-actuals-file.js';
import { dottedPath, fromDomainError, fromZodError, HttpProblem, jsonPointer, PROBLEM_BASE, type Problem } from '../problem.js';

/**
 * Actuals as uploaded: a JSON document, a CSV file (`text/csv`) or an xlsx workbook. Every problem
 * is a 400 that names where it is: the field path for JSON, the row and column for a file (the
 * sheet row, 1 being the header, and the column letter with its header).
 */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ACTUALS_UPLOAD_MEDIA_TYPES = ['text/csv', XLSX_MEDIA_TYPE];

export interface ActualsUpload {
  /** Validated by the schema (not yet against a contract). */
  actuals: Actuals;
  /** For a file: where a field path came from. */
  locate: ((path: FieldPath) => TableLocation | null) | null;
}

export async function readActualsUpload(req: Request, asOfMonth: number | undefined): Promise<ActualsUpload> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/csv' || type === XLSX_MEDIA_TYPE) {
    if (!Buffer.isBuffer(req.body)) throw emptyFile();
    let table: string[][];
    try {
      table = type === 'text/csv' ? readActualsCsv(req.body.toString('utf8')) : await readActualsXlsx(req.body);
    } catch (error) {
      if (error instanceof UnreadableFileError) throw new HttpProblem({ type: PROBLEM_BASE + 'unreadable-file', title: 'The file cannot be read', status: 400, detail: error.message });
      throw error;
    }
    const fromTable = actualsFromTable(table, asOfMonth);
    if (!fromTable.ok) throw new HttpProblem(tableProblem(fromTable.problems));
    const { locate } = fromTable.value;
    const parsed = ActualsSchema.safeParse(fromTable.value.actuals);
    if (!parsed.success) throw new HttpProblem(locatedZodProblem(parsed.error, locate));
    return { actuals: parsed.data, locate };
  }
  const body = req.body as unknown;
  const parsed = ActualsSchema.safeParse(body);
  if (!parsed.success) throw new HttpProblem(fromZodError(parsed.error, []));
  return { actuals: parsed.data, locate: null };
}

/** The checks against the contract; a file's problems are named by row and column. */
export function checkUploadAgainst(contract: Contract, upload: ActualsUpload, at: FieldPath = []): void {
  const model = createContractModel(contract);
  if (!model.ok) throw new HttpProblem(fromDomainError(model.error, ['contract']));
  const shares = model.value.plan.profiles.map((p) => model.value.inputs[p.share].base);
  const checked = checkActuals(contract, upload.actuals, shares);
  if (checked.ok) return;
  throw new HttpProblem(upload.locate ? locatedDomainProblem(checked.error, upload.locate) : fromDomainError(checked.error, at));
}

function emptyFile(): HttpProblem {
  return new HttpProblem({ type: PROBLEM_BASE + 'unreadable-file', title: 'The file cannot be read', status: 400, detail: 'The body is empty.' });
}

const rowColumn = (at: TableLocation) => `row ${at.row}, column ${at.column}${at.header ? ` (${at.header})` : ''}`;

function tableProblem(problems: TableProblem[]): Problem {
  return {
    type: PROBLEM_BASE + 'invalid-input',
    title: 'The file is not valid',
    status: 400,
    detail: `${problems.length} problem(s) in the file`,
    errors: problems.map((p) => ({ path: rowColumn(p), pointer: `#/rows/${p.row}/${p.column}`, message: `${rowColumn(p)}: ${p.message}` })),
  };
}

function located(path: FieldPath, message: string, locate: (path: FieldPath) => TableLocation | null) {
  const at = locate(path);
  if (at === null) return { path: dottedPath(path), pointer: jsonPointer(path), message };
  return { path: rowColumn(at), pointer: `#/rows/${at.row}/${at.column}`, message: `${rowColumn(at)}: ${message}` };
}

function locatedZodProblem(error: z.ZodError, locate: (path: FieldPath) => TableLocation | null): Problem {
  return {
    type: PROBLEM_BASE + 'invalid-input',
    title: 'The file is not valid',
    status: 400,
    detail: `${error.issues.length} problem(s) in the file`,
    errors: error.issues.map((issue) => located(issue.path as FieldPath, issue.message, locate)),
  };
}

function locatedDomainProblem(error: DomainError, locate: (path: FieldPath) => TableLocation | null): Problem {
  const problem = fromDomainError(error);
  if (error.kind !== 'invalid-input' && error.kind !== 'limit-exceeded') return problem;
  return { ...problem, title: 'The file is not valid', errors: error.problems.map((p) => located(p.path, p.message, locate)) };
}
