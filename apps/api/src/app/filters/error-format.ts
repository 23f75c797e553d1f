import { BulkItemResult, ErrorBody, ErrorDetail } from '@cs/contracts';
import { BulkItemReport, ErrorReport, ITEM_PROBLEMS } from '../errors/error-report';

/**
 * The form of `details` a route's contract file declares: `customer-segment.api.yml` one object
 * (`{field, type, message, moreInfo}`), `customer-management.api.yml` a list of strings. The path
 * decides, so the service's own extensions under `/customer-segment` (the catalog sync) and unknown
 * paths there follow that file too; everything outside both files (health, oauth, other paths) takes
 * the list of strings, which needs no schema to read.
 */
export type DetailsForm = 'object' | 'strings';

export function detailsFormOf(url: string): DetailsForm {
  return /^\/customer-segment(?:[/?#]|$)/.test(url) ? 'object' : 'strings';
}

/** The error body as the route's contract file declares it. */
export function renderErrorBody(report: ErrorReport, form: DetailsForm): ErrorBody {
  const { details: problems, ...body } = report;
  return { ...body, ...renderProblems(report.message, problems, form) };
}

/** A 207 entry with the problems of a failed item as `details` in the route's form. */
export function renderBulkItem(entry: BulkItemReport, form: DetailsForm): BulkItemResult {
  const { [ITEM_PROBLEMS]: problems, ...result } = entry;
  return problems?.length ? { ...result, ...renderProblems(result.message ?? '', problems, form) } : result;
}

/**
 * `message` and `details` for the problems: every one as a string, or only the first as the object,
 * with the message then naming every problem (the object holds one, and a client should learn of all).
 */
function renderProblems(
  message: string,
  problems: ErrorDetail[] | undefined,
  form: DetailsForm,
): { message: string; details?: string[] | ErrorDetail } {
  if (!problems?.length) return { message };
  if (form === 'strings') return { message, details: problems.map(describeProblem) };
  const [first] = problems;
  return {
    message:
      problems.length > 1 ? `${message} ${problems.map(describeProblem).join('; ').replace(/\.?$/, '.')}` : message,
    details: first,
  };
}

/** `"<field>: <message>"`, or the message alone where the problem concerns no field. */
export function describeProblem(problem: ErrorDetail): string {
  return problem.field ? `${problem.field}: ${problem.message}` : problem.message;
}
