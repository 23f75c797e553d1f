import { ErrorDetail } from '@cs/contracts';
import { Match, MAX_ITEM_ID_LENGTH, MAX_MATCH_ITEMS, MatchItem } from '@cs/dto';
import { assertObjectBody, checkAs, validationFailed } from '../common/validation';

/** A checked match request: `site` is `site` or else `siteCode`. */
export interface MatchRequest {
  items: MatchItem[];
  segmentIds: string[];
  site: string;
}

/**
 * The match request checked: `items` by `matchItemsErrors`, everything else as the `Match` DTO, plus
 * `site` (or `siteCode`) being given; all problems in one 400. The controller takes the body
 * unconverted, so the 200 items are not copied and checked object by object by class-transformer and
 * class-validator.
 */
export async function validMatchRequest(body: unknown): Promise<MatchRequest> {
  assertObjectBody(body);
  const { items, ...rest } = body ?? {};
  const { instance, details } = await checkAs(Match, { ...rest, items: [] });
  details.push(...matchItemsErrors(items));
  const site = instance.site ?? instance.siteCode;
  if (site === undefined) details.push({ field: 'site', message: 'site (or siteCode) must be given' });
  if (details.length || site === undefined) throw validationFailed(details);
  return { items: (items as MatchItem[]).map((item) => ({ id: item.id })), segmentIds: instance.segmentIds, site };
}

/**
 * The check of a match request's `items` (an array of at most 200 objects with a non-empty string `id` of at
 * most 128 characters), done by hand because class-validator's nested validation of 200 objects is a large
 * part of a match request's CPU (tools/bench/results/history.md). The details are the ones class-validator gives for `@IsArray() @ArrayMaxSize(200)
 * @ValidateNested({ each: true }) @Type(() => MatchItem)` (same fields, types, messages and order; the test
 * compares them), with one difference on purpose: an array inside `items` is an item without an id, where
 * class-validator would check its elements as items and let `[[{"id": "p"}]]` through.
 */
export function matchItemsErrors(items: unknown): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  // ArrayMaxSize fails for anything that is not an array, as class-validator's does.
  if (!Array.isArray(items) || items.length > MAX_MATCH_ITEMS) {
    details.push({
      field: 'items',
      type: 'arrayMaxSize',
      message: `items must contain no more than ${MAX_MATCH_ITEMS} elements`,
    });
  }
  if (!Array.isArray(items)) {
    details.push({ field: 'items', type: 'isArray', message: 'items must be an array' });
    // A single object is checked as one item, at `items.id`; a missing `items` has nothing to check.
    if (items !== undefined) details.push(...itemErrors(items, 'items'));
  } else {
    items.forEach((item: unknown, index) => details.push(...itemErrors(item, `items.${index}`)));
  }
  return details;
}

function itemErrors(item: unknown, field: string): ErrorDetail[] {
  if (item === null || typeof item !== 'object') {
    return [
      {
        field,
        type: 'nestedValidation',
        message: 'each value in nested property items must be either object or array',
      },
    ];
  }
  return idErrors((item as Partial<MatchItem>).id, `${field}.id`);
}

/** MatchItem's rules on `id`, in the order class-validator applies them: MaxLength, IsNotEmpty, IsString. */
function idErrors(id: unknown, field: string): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (typeof id !== 'string' || id.length > MAX_ITEM_ID_LENGTH) {
    details.push({
      field,
      type: 'maxLength',
      message: `id must be shorter than or equal to ${MAX_ITEM_ID_LENGTH} characters`,
    });
  }
  if (id === '' || id === null || id === undefined)
    details.push({ field, type: 'isNotEmpty', message: 'id should not be empty' });
  if (typeof id !== 'string') details.push({ field, type: 'isString', message: 'id must be a string' });
  return details;
}
