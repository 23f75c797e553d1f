'use strict';
/** Drives a scenario: a sequential probe (checks answers, counts SQL, captures statements) and autocannon runs. */
const autocannon = require('autocannon');

/** One pass through the scenario's steps with fetch; returns the statuses and bodies. */
async function runSteps(baseUrl, scenario, context) {
  const answers = [];
  for (const step of scenario.steps) {
    const request = step.request(context);
    const started = performance.now();
    const response = await fetch(baseUrl + request.path, {
      method: request.method,
      headers: request.headers,
      body: request.body,
    });
    const body = await response.text();
    const ms = performance.now() - started;
    step.onResponse?.(response.status, body, context);
    answers.push({ status: response.status, body, path: request.path, ms });
  }
  return answers;
}

/** Waits until the counter stops moving (requests of a previous load test may still be running). */
async function settle(counter) {
  let last = await counter.queryCount();
  for (let quiet = 0; quiet < 3;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await counter.queryCount();
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
}

/**
 * Runs the scenario `iterations` times, one request at a time. `counter` (the service's query
 * counter, optional) first lets earlier load drain, and with `countQueries` gives the SQL statements
 * per request; the statements of the last iteration are returned for pgbench. Throws on an
 * unexpected status or a failed check, with the answer's body.
 */
async function probe(baseUrl, scenario, { iterations = 10, counter: drained, countQueries = true } = {}) {
  const context = {};
  if (drained) await settle(drained);
  const counter = countQueries ? drained : undefined;
  const perStep = scenario.steps.map(() => 0);
  const latencies = [];
  let statements = [];
  for (let i = 0; i < iterations; i++) {
    const last = i === iterations - 1;
    if (counter && last) await counter.capture(true);
    const answers = [];
    for (const [index, step] of scenario.steps.entries()) {
      const before = counter ? await counter.queryCount() : 0;
      answers.push(...(await runSteps(baseUrl, { steps: [step] }, context)));
      if (counter) perStep[index] += (await counter.queryCount()) - before;
    }
    if (counter && last) statements = await counter.capture(false);
    latencies.push(...answers.map((answer) => answer.ms));
    for (const answer of answers) {
      if (!scenario.expect.includes(answer.status))
        throw new Error(
          `scenario ${scenario.id}: ${answer.path.slice(0, 160)} answered ${answer.status}: ${answer.body.slice(0, 500)}`,
        );
      const problem = answer.status < 300 && scenario.check?.(answer.body);
      if (problem) throw new Error(`scenario ${scenario.id}: ${problem}`);
    }
  }
  // Per step (request kind), e.g. [1, 5] for a GET then a PUT.
  const queriesPerRequest = counter ? perStep.map((n) => n / iterations) : undefined;
  latencies.sort((a, b) => a - b);
  // The median latency of a request with nothing else running (client, service and database idle otherwise).
  const aloneP50 = latencies[Math.floor(latencies.length / 2)];
  return { queriesPerRequest, statements, aloneP50 };
}

/**
 * One autocannon run of `duration` seconds (or of `amount` requests, for the smoke test); errors are
 * answers with a status outside `scenario.expect`, plus socket errors and timeouts.
 */
async function measure(baseUrl, scenario, { connections, duration, amount }) {
  const result = await autocannon({
    url: baseUrl,
    connections,
    ...(amount ? { amount, sampleInt: 50 } : { duration }),
    timeout: 10,
    requests: scenario.steps.map((step) => ({
      setupRequest: (request, context) => ({ ...request, ...step.request(context) }),
      ...(step.onResponse && { onResponse: (status, body, context) => step.onResponse(status, body, context) }),
    })),
  });
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count]),
  );
  const errorCodes = Object.fromEntries(
    Object.entries(statuses).filter(([code]) => !scenario.expect.includes(Number(code))),
  );
  const unexpected = Object.values(errorCodes).reduce((sum, n) => sum + n, 0);
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    statuses,
    errors: unexpected + result.errors,
    errorCodes: { ...errorCodes, ...(result.errors && { socket: result.errors }) },
  };
}

module.exports = { probe, measure };
