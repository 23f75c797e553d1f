import { Logger, Params, PinoLogger } from 'nestjs-pino';
import pino from 'pino';
import pinoPretty from 'pino-pretty';
import { AppConfig } from './config/config';

export type RootLogger = pino.Logger;

/**
 * The process's one logger: JSON lines with an ISO timestamp, or pino-pretty's readable lines (one per
 * entry, request lines as `GET /path 200 3 ms`). Both write synchronously, so the last lines before a
 * `process.exit` are not lost.
 */
export function createRootLogger(settings: Pick<AppConfig, 'logLevel' | 'logFormat'>): RootLogger {
  const options: pino.LoggerOptions = { level: settings.logLevel, timestamp: pino.stdTimeFunctions.isoTime };
  if (settings.logFormat === 'json') return pino(options, pino.destination({ dest: 1, sync: true }));
  return pino(
    options,
    pinoPretty({
      destination: 1,
      sync: true,
      colorize: process.stdout.isTTY === true,
      translateTime: 'SYS:HH:MM:ss.l',
      // `start`: the start line's fields, which its message says in words.
      ignore: 'pid,hostname,req,res,responseTime,start',
      singleLine: true,
      messageFormat: (entry, messageKey) => {
        const { req, res, responseTime } = entry as {
          req?: RequestFields;
          res?: { statusCode: number };
          responseTime?: number;
        };
        const message = String(entry[messageKey]);
        return req && res ? `${message}: ${req.method} ${req.url} ${res.statusCode} ${responseTime} ms` : message;
      },
    }),
  );
}

interface RequestFields {
  id: string;
  method: string;
  url: string;
}

/** nestjs-pino's settings: request lines (not for the health probes) through the root logger. */
export function loggerParams(root: RootLogger): Params {
  return {
    // What the request's code assigns (the auth guard: tenant and client id) also reaches its request line.
    assignResponse: true,
    pinoHttp: {
      logger: root,
      // The request id is Fastify's (see requestId in app.module.ts); log lines carry it as req.id.
      serializers: {
        req: (request: RequestFields): RequestFields => ({ id: request.id, method: request.method, url: request.url }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
      // A 5xx request line says why in `error`, without pino-http's stack trace of its own placeholder error
      // (the error filter has logged the cause already).
      customErrorObject: (_request, _response, error, fields: Record<string, unknown>) => {
        const { err: _stack, ...rest } = fields;
        return { ...rest, error: error.message };
      },
      // Probes come every few seconds from an orchestrator: they would drown everything else.
      // (`url` is relative to the middleware's mount point, `originalUrl` the request's.)
      autoLogging: {
        ignore: (request) =>
          /^\/health(\/|\?|$)/.test((request as { originalUrl?: string }).originalUrl ?? request.url ?? ''),
      },
    },
  };
}

/**
 * Nest's own start-up chatter: one line per module and per mapped route, and "successfully started"
 * (which Nest says before the port is bound). The service writes one start line of its own instead.
 */
const FRAMEWORK_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);
/** Nest's reports of an error that stops the start (a failing module, a port in use): `main` says it in one line. */
const START_FAILURE_CONTEXTS = new Set(['ExceptionHandler', 'NestApplication']);

/** Nest's logger for the app: nestjs-pino's (lines in a request carry its id), with Nest's chatter at debug. */
export class AppLogger extends Logger {
  constructor(params: Params) {
    super(new PinoLogger(params), params);
  }

  override log(message: unknown, ...optionalParams: unknown[]): void {
    if (FRAMEWORK_CONTEXTS.has(optionalParams.at(-1) as string)) super.debug(message, ...optionalParams);
    else super.log(message, ...optionalParams);
  }

  override error(message: unknown, ...optionalParams: unknown[]): void {
    if (START_FAILURE_CONTEXTS.has(optionalParams.at(-1) as string)) super.debug(message, ...optionalParams);
    else super.error(message, ...optionalParams);
  }
}
