import {
  compileQuery,
  createProjector,
  FieldMap,
  parseFields,
  parsePaging,
  parseQuery,
  parseSort,
  Paging,
  QueryAst,
  QueryError,
  wantsTotalCount,
} from '@cs/query';
import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiBadRequestResponse, ApiHeader, ApiQuery, ApiResponseOptions } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ErrorResponse } from '@cs/dto';
import type { FastifyReply } from 'fastify';
import { referencesAlias, Select } from '../database/select';
import { PreparedJson, prepareJson, sendPrepared } from './revalidation';
import { isJsonObject } from './validation';

/** Paging defaults of every list: 16 per page (as customer management documents), at most 1,000. */
export const PAGING = { defaultPageSize: 16, maxPageSize: 1000 };

/** The list parameters shared by every collection GET and `.../search` POST, already validated. */
export interface ListRequest {
  /** q, parsed (no conditions when absent). */
  q: QueryAst;
  sort?: string;
  fields?: string;
  paging: Paging;
  withTotal: boolean;
}

export interface ListSpec {
  fieldMap: FieldMap;
  /** Trusted SQL expressions that make the order total (the primary key), so pages never overlap. */
  tieBreaker: string[];
  /**
   * Deep pages without enrichment work: `keys` are the base table's primary-key columns (trusted SQL) and
   * `aliases` the LEFT JOINs that only add data to a row (joined on a unique key, so they neither filter nor
   * repeat rows). From offset `DEFERRED_JOIN_OFFSET` on, and when neither q nor sort uses those aliases,
   * the page's keys are selected first without those joins, which then run for the page's rows only;
   * a count (`X-Total-Count`) then never runs them.
   */
  deferredJoins?: { keys: string[]; aliases: string[] };
}

/** The offset from which `ListSpec.deferredJoins` applies. */
export const DEFERRED_JOIN_OFFSET = 1000;

export interface Page<T> {
  items: T[];
  /** Present only when the request asked for `X-Total-Count`. */
  total?: number;
}

function single(name: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new QueryError(`${name} must be given once, as a string`, { field: name });
  return value;
}

/**
 * Reads q / sort / fields / pageNumber / pageSize from the query string (for `.../search` routes,
 * `q` from the JSON body) and `X-Total-Count` from the headers. Paging, q syntax and fields are
 * checked here, so bad input is a 400 before any database work.
 */
export const List = createParamDecorator(
  (source: 'query' | 'search' | undefined, context: ExecutionContext): ListRequest => {
    const request = context.switchToHttp().getRequest<{
      query: Record<string, unknown>;
      body?: unknown;
      headers: Record<string, string | string[] | undefined>;
    }>();
    const query = request.query ?? {};
    const body = request.body ?? {};
    if (source === 'search' && !isJsonObject(body)) {
      throw new QueryError('The search body must be a JSON object like {"q": "..."}', { field: 'q' });
    }
    const q = parseQuery(
      (source === 'search' ? single('q', (body as Record<string, unknown>).q) : single('q', query.q)) ?? '',
    );
    const fields = single('fields', query.fields);
    parseFields(fields);
    return {
      q,
      sort: single('sort', query.sort),
      fields,
      paging: parsePaging(
        { pageNumber: single('pageNumber', query.pageNumber), pageSize: single('pageSize', query.pageSize) },
        PAGING,
      ),
      withTotal: wantsTotalCount(request.headers['x-total-count']),
    };
  },
);

/** Documents the shared list parameters (`q` only for GET lists; search routes take it in the body). */
export function ApiList(options: { search?: boolean } = {}) {
  const query = (name: string, description: string, schema: SchemaObject = { type: 'string' }) =>
    ApiQuery({ name, required: false, description, schema });
  return applyDecorators(
    ...(options.search
      ? []
      : [
          query(
            'q',
            'Filter in the q-language, e.g. `status:ACTIVE name.en:~gold metadata.createdAt:(>"2024-01-01T00:00:00Z")`.',
          ),
        ]),
    query('pageSize', `Documents per page (default ${PAGING.defaultPageSize}, at most ${PAGING.maxPageSize}).`, {
      type: 'integer',
      minimum: 1,
      maximum: PAGING.maxPageSize,
      default: PAGING.defaultPageSize,
    }),
    query('pageNumber', 'Page to return, starting at 1.', { type: 'integer', minimum: 1, default: 1 }),
    query('sort', 'Sort fields, e.g. `name.en,metadata.createdAt:desc`; descending only with `desc`/`DESC`.'),
    query('fields', 'Comma-separated fields to return, e.g. `id,name,metadata.version` (`id` is always kept).'),
    ApiHeader({
      name: 'X-Total-Count',
      required: false,
      description: 'When `true`, the response has an `X-Total-Count` header with the number of matches.',
      schema: { type: 'boolean' },
    }),
    ApiBadRequestResponse({
      description: 'Invalid q, sort, fields or paging.',
      type: ErrorResponse,
    } as ApiResponseOptions),
  );
}

/**
 * Runs a list query: the q condition, the total (only when asked, before ordering), the sort with
 * its tie-breaker, and the page. Returns the raw rows for the caller to map.
 */
export async function fetchPage<R>(select: Select, list: ListRequest, spec: ListSpec): Promise<Page<R>> {
  const condition = list.q.conditions.length ? compileQuery(list.q, spec.fieldMap) : undefined;
  if (condition) select.where(condition.sql, condition.params);
  const sort = parseSort(list.sort, spec.fieldMap, spec.tieBreaker);
  const deferred = spec.deferredJoins;
  // The enriching joins neither filter nor repeat rows: counting and finding a page's keys can do without them.
  const enrichment =
    deferred &&
    ![condition?.sql ?? '', ...sort.map((term) => term.sql)].some((sql) => referencesAlias(sql, deferred.aliases))
      ? deferred.aliases
      : [];
  const total = list.withTotal ? await countRows(select, enrichment) : undefined;
  for (const term of sort) select.orderBy(term.sql, term.direction).setParameters(term.params);
  const { offset, limit } = list.paging;
  if (deferred && enrichment.length && offset >= DEFERRED_JOIN_OFFSET) {
    // Same conditions and order, same parameters: the page's keys, then only those rows fetched and joined.
    const keys = select.reduced(
      deferred.keys.map((key, i) => `${key} AS page_key_${i}`),
      enrichment,
    );
    for (const term of sort) keys.orderBy(term.sql, term.direction);
    keys.offset(offset).limit(limit);
    select
      .innerJoin(
        `(${keys.toNamedSql()})`,
        'page',
        deferred.keys.map((key, i) => `page.page_key_${i} = ${key}`).join(' AND '),
      )
      .limit(limit);
  } else {
    select.offset(offset).limit(limit);
  }
  return { items: await select.getRawMany<R>(), total };
}

async function countRows(select: Select, droppableJoins: string[]): Promise<number> {
  const [{ count }] = await select.reduced(['count(*) AS count'], droppableJoins).getRawMany<{ count: string }>();
  return Number(count);
}

/** Sets `X-Total-Count` when counted and applies the `fields` projection to each item. */
export function respondWithPage<T>(reply: FastifyReply, page: Page<T>, fields: string | undefined): Array<Partial<T>> {
  if (page.total !== undefined) void reply.header('X-Total-Count', String(page.total));
  const project = createProjector(fields);
  return page.items.map((item) => project(item));
}

/** A page serialized once (with the `fields` projection applied), its entity tag, and the total when counted. */
export interface PreparedPage extends PreparedJson {
  total?: number;
}

export function preparePage<T>(page: Page<T>, fields: string | undefined): PreparedPage {
  const project = createProjector(fields);
  return { ...prepareJson(page.items.map((item) => project(item))), total: page.total };
}

/** `respondWithPage` for a prepared page. */
export function sendPreparedPage(reply: FastifyReply, page: PreparedPage): Buffer {
  if (page.total !== undefined) void reply.header('X-Total-Count', String(page.total));
  return sendPrepared(reply, page);
}

/** Applies the `fields` projection to a single document (GET by id). */
export function projectOne<T>(doc: T, fields: string | undefined): Partial<T> {
  return createProjector(fields)(doc);
}
