import { ErrorBody, ErrorDetail } from '@cs/contracts';
import { STATUS_CODES } from 'node:http';

export function errorBody(code: number, message: string, resourceId?: string, details?: ErrorDetail[]): ErrorBody {
  return {
    code,
    status: STATUS_CODES[code] ?? 'Error',
    message,
    ...(resourceId !== undefined && { resourceId }),
    ...(details?.length ? { details } : {}),
  };
}
