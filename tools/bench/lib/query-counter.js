'use strict';
/**
 * Preloaded into the service (`node -r`) by the bench: counts every statement the service sends
 * through node-postgres on its requests' pool (BEGIN/COMMIT/SAVEPOINT included: each is a round trip; not the
 * event relay's own pool or its listening connection, which work beside the requests) and, while capture is
 * on, records their text and parameters; on request, CPU-profiles the service (V8 inspector) for a
 * measurement window. The bench asks over the IPC channel of the child process.
 */
const { writeFileSync } = require('node:fs');
const inspector = require('node:inspector');
const { Client } = require(
  require.resolve('pg', { paths: [require('node:path').join(__dirname, '../../../apps/api')] }),
);

let count = 0;
let captured;
/** Most statements one capture keeps (`limit` of the capture message; 100 by default). */
let captureLimit = 100;
const query = Client.prototype.query;
/** The requests' pool's `application_name` (apps/api/src/app/database/data-source.ts). */
const REQUESTS = 'customer-segments';
Client.prototype.query = function countedQuery(config, values, callback) {
  if (this.connectionParameters?.application_name !== REQUESTS) return query.call(this, config, values, callback);
  count++;
  if (!captured || captured.length >= captureLimit) return query.call(this, config, values, callback);
  const text = typeof config === 'string' ? config : config?.text;
  const params = Array.isArray(values) ? values : config?.values;
  // With the time from sending to the answer (ms): where a request's time goes.
  const entry = { text, values: params ?? [] };
  captured.push(entry);
  const started = performance.now();
  const done = () => (entry.ms = performance.now() - started);
  if (typeof values === 'function' || typeof callback === 'function') {
    const wrap =
      (cb) =>
      (...args) => (done(), cb(...args));
    return typeof values === 'function'
      ? query.call(this, config, wrap(values))
      : query.call(this, config, values, wrap(callback));
  }
  const result = query.call(this, config, values);
  result?.then?.(done, done);
  return result;
};

let session;
const post = (method, params) =>
  new Promise((resolve, reject) =>
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
  );

/** `on`: starts the profiler; else stops it and writes the .cpuprofile to `file`. */
async function profile(on, file) {
  if (on) {
    session ??= new inspector.Session();
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 200 });
    await post('Profiler.start');
    return;
  }
  const { profile: result } = await post('Profiler.stop');
  session.disconnect();
  writeFileSync(file, JSON.stringify(result));
}

process.on('message', (message) => {
  if (!message || typeof message !== 'object' || !process.send) return;
  if (message.cmd === 'profile') {
    profile(message.on, message.file).then(
      () => process.send({ id: message.id }),
      (error) => process.send({ id: message.id, error: error.message }),
    );
    return;
  }
  if (message.cmd === 'count') process.send({ id: message.id, count });
  else if (message.cmd === 'capture') {
    process.send({ id: message.id, count, statements: captured ?? [] });
    captured = message.on ? [] : undefined;
    captureLimit = message.limit ?? 100;
  }
});
// The IPC channel must not keep the service alive on its own.
process.channel?.unref();
