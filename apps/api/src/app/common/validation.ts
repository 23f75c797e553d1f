import { ErrorDetail } from '@cs/contracts';
import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate, ValidatorOptions } from 'class-validator';
import { BadRequestError } from '../errors/domain-errors';
import { rememberRuleLookups } from './rule-lookup-cache';

/** How the service runs class-validator: unknown properties stripped, objects of classes without rules allowed. */
export const VALIDATOR_OPTIONS: ValidatorOptions = { whitelist: true, forbidUnknownValues: false };

// Every validation of the service (the pipe, `validateAs`, `checkAs`) runs with class-validator's rule lookups
// remembered per class: see rule-lookup-cache.ts.
rememberRuleLookups();

/** Flattens class-validator's nested errors into one detail per offending field path. */
export function toDetails(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([type, message]) => ({ field, type, message }));
    return [...own, ...toDetails(error.children ?? [], field)];
  });
}

export function validationFailed(details: ErrorDetail[]): BadRequestError {
  const fields = [...new Set(details.map((detail) => detail.field))].join(', ');
  return new BadRequestError(`Invalid request: ${fields}.`, undefined, details);
}

/**
 * Postgres text and jsonb cannot hold U+0000 (nor can jsonb keys): such a value would fail the whole
 * statement, which for a bulk upsert is every item of the request. So every validated value is searched
 * for it (strings, object keys, at any depth, e.g. inside mixins), and each one is a detail naming its
 * field. The other limits of the columns are rules of the DTOs (`IsInt4`, `IsDateTime`).
 */
export function nulCharacterDetails(value: unknown, field = ''): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const nul = (path: string) =>
    details.push({
      field: path,
      type: 'noNulCharacter',
      message: `${path || 'the value'} must not contain the NUL character (U+0000)`,
    });
  const visit = (node: unknown, path: string): void => {
    if (typeof node === 'string') {
      if (node.includes('\u0000')) nul(path);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        const childPath = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) nul(childPath);
        else visit(child, childPath);
      }
    }
  };
  visit(value, field);
  return details;
}

const PLAIN_TYPES: unknown[] = [Object, Array, String, Number, Boolean];

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A request body, when there is one, must be a JSON object: class-validator lets arrays and primitives through. */
export function assertObjectBody(body: unknown): asserts body is Record<string, unknown> | null | undefined {
  if (body !== undefined && body !== null && !isJsonObject(body))
    throw new BadRequestError('The request body must be a JSON object.');
}

/**
 * Rejects arrays and primitives where a DTO (a JSON object) is expected, which class-validator would let
 * through, and NUL characters in path and query parameters and in DTO bodies. Bodies taken as `unknown`
 * (bulk requests, PATCH) are checked per item or per result with `validateAs`, so one bad item fails alone.
 */
class BodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const expectsObject =
      metadata.type === 'body' && typeof metadata.metatype === 'function' && !PLAIN_TYPES.includes(metadata.metatype);
    if (expectsObject) assertObjectBody(value);
    if (metadata.type === 'param' || metadata.type === 'query') assertNoNulCharacter(value, metadata.data);
    const result = await super.transform(value, metadata);
    if (expectsObject) assertNoNulCharacter(result);
    return result;
  }
}

function assertNoNulCharacter(value: unknown, field?: string): void {
  const details = nulCharacterDetails(value, field);
  if (details.length) throw validationFailed(details);
}

/** The global pipe: strips unknown properties, converts types, answers 400 naming each field. */
export function createValidationPipe(): ValidationPipe {
  return new BodyValidationPipe({
    ...VALIDATOR_OPTIONS,
    transform: true,
    exceptionFactory: (errors) => validationFailed(toDetails(errors)),
  });
}

/** Validates one plain object as `type`, e.g. one item of a bulk request; throws the same 400 as the pipe. */
export async function validateAs<T extends object>(type: ClassConstructor<T>, plain: unknown): Promise<T> {
  const { instance, details } = await checkAs(type, plain);
  if (details.length) throw validationFailed(details);
  return instance;
}

/** `plain` as an instance of `type` (unknown properties stripped) with the details of what is wrong with it. */
export async function checkAs<T extends object>(
  type: ClassConstructor<T>,
  plain: unknown,
): Promise<{ instance: T; details: ErrorDetail[] }> {
  if (!isJsonObject(plain)) throw new BadRequestError('Each item must be a JSON object.');
  const instance = plainToInstance(type, plain);
  const errors = await validate(instance, VALIDATOR_OPTIONS);
  return { instance, details: [...toDetails(errors), ...nulCharacterDetails(instance)] };
}

/** One item of a bulk request that takes ids: a non-empty string (of at most `maxLength` characters); `what` names it, e.g. `segment id`. */
export function assertIdItem(item: unknown, what: string, maxLength?: number): asserts item is string {
  if (typeof item !== 'string' || !item || (maxLength !== undefined && item.length > maxLength)) {
    throw new BadRequestError(
      `Each item must be a ${what}: a non-empty string${maxLength === undefined ? '' : ` of at most ${maxLength} characters`}.`,
    );
  }
  const details = nulCharacterDetails(item, 'id');
  if (details.length)
    throw new BadRequestError(`The ${what} must not contain the NUL character (U+0000).`, undefined, details);
}
