import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../errors/domain-errors';

export const JSON_MEDIA_TYPE = 'application/json';
/** RFC 6902's media type of a JSON Patch document: JSON, taken by the PATCH routes. */
export const JSON_PATCH_MEDIA_TYPE = 'application/json-patch+json';
/** Form bodies: only the token endpoint takes them (RFC 6749 4.4.2). */
export const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';
const FORM_ROUTES = new Set(['/oauth/token']);

/**
 * Why a request's body is refused (415) for its media type before it is read: a form body outside the
 * token endpoint (curl's `-d` sends one unless told otherwise, and its fields would be validated as
 * unrelated JSON properties), or a JSON Patch document outside a PATCH. Types without a parser
 * (`text/plain`, `application/merge-patch+json`, ...) are refused by Fastify itself.
 */
export function refusedMediaType(
  method: string,
  route: string | undefined,
  contentType: string | undefined,
): UnsupportedMediaTypeError | undefined {
  const mediaType = contentType?.split(';')[0].trim().toLowerCase();
  if (
    (mediaType === FORM_MEDIA_TYPE && !FORM_ROUTES.has(route ?? '')) ||
    (mediaType === JSON_PATCH_MEDIA_TYPE && method !== 'PATCH')
  )
    return new UnsupportedMediaTypeError(
      `Unsupported content type '${mediaType}' on this route: send the body as ${JSON_MEDIA_TYPE}.`,
    );
  return undefined;
}

export interface JsonShapeLimits {
  maxDepth: number;
  maxContainers: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * Checks the raw text of a JSON body before it is parsed: nesting deeper than `maxDepth` is a 400,
 * more than `maxContainers` objects and arrays a 413. Parsing is what costs the heap (an empty object
 * takes about 64 bytes for its 3 characters), so the check must come first; one pass over the text,
 * skipping string contents, allocates nothing. Malformed text is left for the parser to reject.
 */
export function assertJsonShape(text: string, limits: JsonShapeLimits): void {
  let depth = 0;
  let containers = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === QUOTE) {
      i = closingQuote(text, i);
    } else if (char === OPEN_BRACE || char === OPEN_BRACKET) {
      if (++depth > limits.maxDepth)
        throw new BadRequestError(`The request body is nested more than ${limits.maxDepth} levels deep.`);
      if (++containers > limits.maxContainers)
        throw new PayloadTooLargeError(`The request body holds more than ${limits.maxContainers} objects and arrays.`);
    } else if (char === CLOSE_BRACE || char === CLOSE_BRACKET) {
      depth--;
    }
  }
}

/** Where the string opened at `start` ends (a quote after an even number of backslashes); found by `indexOf`, which is far faster than a loop over the characters. */
function closingQuote(text: string, start: number): number {
  for (let end = text.indexOf('"', start + 1); end !== -1; end = text.indexOf('"', end + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end;
  }
  return text.length;
}
