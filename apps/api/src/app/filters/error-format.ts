import { BulkItemResult, ErrorBody, ErrorDetail, OAuthErrorBody } from '@cs/contracts';
import { BulkItemReport, ErrorReport, ITEM_PROBLEMS } from '../errors/error-report';

/**
 * The form of an error body, by the path: the form of `details` its contract file declares,
 * `customer-segment.api.yml` one object (`{field, type, message, moreInfo}`), `customer-management.api.yml`
 * a list of strings, so the service's own extensions under `/customer-segment` (the catalog sync) and
 * unknown paths there follow that file too; everything outside both files (health, other paths) takes the
 * list of strings, which needs no schema to read. The token endpoint answers its 4xx as OAuth 2 errors.
 */
export type ErrorForm = 'object' | 'strings' | 'oauth';

export function errorFormOf(url: string): ErrorForm {
  if (/^\/oauth\/token(?:[?#]|$)/.test(url)) return 'oauth';
  return /^\/customer-segment(?:[/?#]|$)/.test(url) ? 'object' : 'strings';
}

/**
 * The error body as the route's contract declares it. At the token endpoint, what the client did wrong
 * (4xx) is an RFC 6749 error; its failures (5xx) keep the Emporix body, as they are no OAuth error.
 */
export function renderErrorBody(report: ErrorReport, form: ErrorForm): ErrorBody | OAuthErrorBody {
  if (form === 'oauth' && report.code < 500) return renderOAuthError(report);
  const { details: problems, oauthError: _, ...body } = report;
  return { ...body, ...renderProblems(report.message, problems, form) };
}

/**
 * `{error, error_description}` (RFC 6749 5.2): the code the issuer chose, else `invalid_client` for a 401
 * and `invalid_request` for the rest (a malformed, oversized or non-form body). The description may only
 * hold printable ASCII without `"` and `\`.
 */
function renderOAuthError(report: ErrorReport): OAuthErrorBody {
  const problems = report.details?.length ? ` ${report.details.map(describeProblem).join('; ')}` : '';
  return {
    error: report.oauthError ?? (report.code === 401 ? 'invalid_client' : 'invalid_request'),
    error_description: `${report.message}${problems}`.replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/g, '?'),
  };
}

/** A 207 entry with the problems of a failed item as `details` in the route's form. */
export function renderBulkItem(entry: BulkItemReport, form: ErrorForm): BulkItemResult {
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
  form: ErrorForm,
): { message: string; details?: string[] | ErrorDetail } {
  if (!problems?.length) return { message };
  if (form !== 'object') return { message, details: problems.map(describeProblem) };
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
