import { QueryError } from '@cs/query';
import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { ConflictError, NotFoundError } from '../errors/domain-errors';
import { INTERNAL_ERROR_MESSAGE, toErrorBody } from './error-mapping';

describe('toErrorBody', () => {
  it('maps domain errors to their status with the Emporix body', () => {
    expect(toErrorBody(new NotFoundError('Segment not found.', 's1'))).toEqual({
      code: 404,
      status: 'Not Found',
      message: 'Segment not found.',
      resourceId: 's1',
    });
    expect(toErrorBody(new ConflictError('Exists.'))).toEqual({ code: 409, status: 'Conflict', message: 'Exists.' });
  });

  it('maps query errors to 400 naming the field', () => {
    const body = toErrorBody(new QueryError("Unknown field 'foo'", { field: 'foo', position: 0 }));
    expect(body).toMatchObject({ code: 400, status: 'Bad Request', details: [{ field: 'foo' }] });
    expect(body.message).toContain('foo');
  });

  it('maps Nest HTTP exceptions and unknown routes', () => {
    expect(toErrorBody(new BadRequestException('nope'))).toEqual({ code: 400, status: 'Bad Request', message: 'nope' });
    expect(toErrorBody(new NotFoundException('Cannot GET /x'))).toEqual({
      code: 404,
      status: 'Not Found',
      message: 'The requested resource does not exist.',
    });
  });

  it('names the accepted media type in a 415', () => {
    expect(toErrorBody(new HttpException('Unsupported Media Type: text/csv', 415))).toEqual({
      code: 415,
      status: 'Unsupported Media Type',
      message: 'Unsupported content type: send the body as application/json.',
    });
  });

  it('maps Fastify body errors to 4xx', () => {
    expect(
      toErrorBody(Object.assign(new Error('too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' })),
    ).toMatchObject({ code: 413, message: 'The request body is too large.' });
    expect(
      toErrorBody(
        Object.assign(new SyntaxError('Unexpected token'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }),
      ),
    ).toMatchObject({ code: 400 });
  });

  it('maps an unreachable or timed-out database to 503', () => {
    expect(
      toErrorBody(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
    ).toMatchObject({ code: 503 });
    const timeout = new QueryFailedError(
      'SELECT 1',
      [],
      Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }),
    );
    expect(toErrorBody(timeout)).toMatchObject({ code: 503 });
    expect(toErrorBody(new QueryRunnerProviderAlreadyReleasedError())).toMatchObject({ code: 503 });
    expect(toErrorBody(new QueryRunnerAlreadyReleasedError())).toMatchObject({ code: 503 });
    expect(toErrorBody(new Error('Client has encountered a connection error and is not queryable'))).toMatchObject({
      code: 503,
    });
  });

  it('maps database rejections caused by the input to 4xx, and exhausted retries to 503', () => {
    const failed = (code: string) => new QueryFailedError('SELECT 1', [], Object.assign(new Error(code), { code }));
    expect(toErrorBody(failed('22021'))).toMatchObject({ code: 400 });
    expect(toErrorBody(failed('22003'))).toMatchObject({ code: 400 });
    expect(toErrorBody(failed('54000'))).toMatchObject({ code: 400 });
    expect(toErrorBody(failed('23502'))).toMatchObject({ code: 400 });
    expect(toErrorBody(failed('23505'))).toMatchObject({ code: 409, status: 'Conflict' });
    expect(toErrorBody(failed('23503'))).toMatchObject({ code: 409 });
    expect(toErrorBody(failed('40001'))).toMatchObject({ code: 503 });
    expect(toErrorBody(failed('40P01'))).toMatchObject({ code: 503 });
    expect(toErrorBody(failed('42601'))).toMatchObject({ code: 500, message: INTERNAL_ERROR_MESSAGE });
    expect(toErrorBody(new RangeError('Maximum call stack size exceeded'))).toMatchObject({ code: 400 });
  });

  it('hides the cause of anything unknown behind a safe 500', () => {
    const body = toErrorBody(new TypeError("Cannot read properties of undefined (reading 'secret')"));
    expect(body).toEqual({ code: 500, status: 'Internal Server Error', message: INTERNAL_ERROR_MESSAGE });
  });
});
