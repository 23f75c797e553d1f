import { ErrorDetail } from '@cs/contracts';
import { STATUS_CODES } from 'node:http';
import { ErrorReport } from '../errors/error-report';

export function errorBody(code: number, message: string, resourceId?: string, details?: ErrorDetail[]): ErrorReport {
  return {
    code,
    status: STATUS_CODES[code] ?? 'Error',
    message,
    ...(resourceId !== undefined && { resourceId }),
    ...(details?.length ? { details } : {}),
  };
}
