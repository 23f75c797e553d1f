import { ItemType, ItemTypes } from '@cs/contracts';
import { Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { columnProblem, customersKind, itemsKind, Kind } from './kinds';
import { progressLine } from './progress';
import { countRows, Format, formatOf, openInput } from './rows';
import { connect, ConnectionOptions, UsageError } from './settings';
import { exportRows, importRows, ImportSummary } from './transfer';

interface Io {
  out: (line: string) => void;
  err: (text: string) => void;
  /** Both outputs are a terminal: show live progress (never in pipes, files or tests). */
  isTty: boolean;
}

const { version } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };

const FORMATS = `
Formats (from the file name: .csv, or .jsonl / .json for JSON Lines; or --format):
  CSV         comma-separated, one row per line, a header line naming the columns, "quotes" as in RFC 4180
              customers: customerId (required), legalEntityId, mixins (a JSON object)
              items:     id (required), type (PRODUCT or CATEGORY; required unless --type), mixins
  JSON Lines  one JSON object per line with the same keys, mixins as an object
  An export writes these columns, so it imports back as it is. Failed rows go to <file>.failed.<ext>:
  the input's rows as they were plus an error column ("line N: why"); fix them and import that file.`;

const EXIT_CODES = `
Exit codes:
  0  done: every row imported, or the export written
  1  some rows failed (listed in the failed file)
  2  stopped: usage error, unreadable file, wrong columns or unknown segment (all checked before
     sending), or the service could not be reached or refused the credentials`;

const ROOT_HELP = `
Examples:
  segments-cli import customers --segment vip --file members.csv
  segments-cli import customers --segment vip --file members.failed.csv     # retry the failed rows
  segments-cli import items --segment vip --file items.csv                  # rows name their type
  segments-cli import items --type PRODUCT --segment vip --file skus.jsonl
  segments-cli import customers --segment vip --file members.csv --dry-run  # check, send nothing
  segments-cli export items --segment vip --out vip-items.csv
${FORMATS}

Connection: flags, or SEGMENTS_BASE_URL, SEGMENTS_TENANT, and SEGMENTS_TOKEN or SEGMENTS_CLIENT_ID with
SEGMENTS_CLIENT_SECRET. Answers 503 and 429 are retried (up to 5 tries, after the server's Retry-After).
${EXIT_CODES}`;

const connection = (command: Command) =>
  command
    .option('--base-url <url>', 'service URL (env SEGMENTS_BASE_URL, default http://localhost:3000)')
    .option('--tenant <tenant>', 'tenant (env SEGMENTS_TENANT)')
    .option('--client-id <id>', 'OAuth client id (env SEGMENTS_CLIENT_ID)')
    .option('--client-secret <secret>', 'OAuth client secret (env SEGMENTS_CLIENT_SECRET)')
    .option('--token <token>', 'a bearer token instead of client credentials (env SEGMENTS_TOKEN)');

const itemType = (what: string) => new Option('--type <type>', what).choices(ItemTypes);

function kindFor(what: string, type: ItemType | undefined): Kind<unknown> {
  if (what === 'customers') return customersKind as Kind<unknown>;
  if (what === 'items') return itemsKind(type) as Kind<unknown>;
  throw new UsageError(`Unknown list '${what}': use customers or items.`);
}

/** `x.csv` → `x.failed.csv`, and a retry of `x.failed.csv` writes `x.failed.csv` again. */
export function failedFileOf(file: string, format: Format): string {
  return `${file.replace(/\.[^./]+$/, '').replace(/\.failed$/, '')}.failed.${format}`;
}

function describe(summary: ImportSummary): string {
  return `${summary.rows} rows: ${summary.created} created, ${summary.updated} updated, ${summary.failed} failed`;
}

/** Redraws one status line on the terminal, at most ten times a second. */
function progressDisplay(io: Io, total: number | undefined) {
  const started = Date.now();
  let drawn = 0;
  return {
    update(summary: ImportSummary) {
      const now = Date.now();
      if (now - drawn < 100) return;
      drawn = now;
      io.err(`\r${progressLine(summary.rows, summary.failed, total, now - started)}\x1b[K`);
    },
    end: () => drawn && io.err('\n'),
  };
}

/** The command-line program; `run` returns the exit code (0 ok, 1 some rows failed, 2 usage or fatal error). */
export async function run(
  argv: string[],
  io: Io = {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (t) => process.stderr.write(t),
    isTty: Boolean(process.stdout.isTTY && process.stderr.isTTY),
  },
): Promise<number> {
  let exitCode = 0;
  // The client retries answers 503 and 429 (its default: 5 tries, after the server's Retry-After).
  const client = (options: ConnectionOptions) =>
    connect(options, process.env, {
      onRetry: (status, delay, attempt, attempts) =>
        io.err(`The service answered ${status}; try ${attempt} of ${attempts} in ${delay / 1000} s.\n`),
    });
  const program = new Command('segments-cli')
    .description('Import and export segment membership lists (customer and item assignments).')
    .version(version)
    .addHelpText('after', ROOT_HELP)
    .exitOverride()
    .configureOutput({ writeOut: (t) => io.out(t.trimEnd()), writeErr: (t) => io.err(t) });

  connection(
    program
      .command('import')
      .description(
        'Import customer or item assignments into a segment from CSV or JSON Lines; re-running a file is safe.',
      )
      .argument('<what>', 'customers or items')
      .requiredOption('--segment <id>', 'segment id')
      .requiredOption('--file <path>', 'input file (.csv, .jsonl)')
      .addOption(
        new Option('--format <format>', 'input format (default: from the file name)').choices(['csv', 'jsonl']),
      )
      .addOption(itemType('item type of rows without a type column'))
      .option('--failed <path>', 'where failed rows go (default: <file>.failed.<ext>)')
      .option('--dry-run', 'read and check every row, report what would be sent, send and write nothing')
      .addHelpText('after', `${FORMATS}\n${EXIT_CODES}`),
  ).action(
    async (
      what: string,
      options: ConnectionOptions & {
        segment: string;
        file: string;
        format?: string;
        type?: ItemType;
        failed?: string;
        dryRun?: boolean;
      },
    ) => {
      const kind = kindFor(what, options.type);
      const format = formatOf(options.file, options.format);
      const api = client(options);
      const input = await openInput(options.file, format);
      const problem = columnProblem(kind, input.columns, format);
      if (problem) throw new UsageError(`${options.file}: ${problem}`);
      const progress = io.isTty ? progressDisplay(io, await countRows(options.file, format)) : undefined;
      const summary = await importRows({
        client: api,
        kind,
        segmentId: options.segment,
        input,
        format,
        failedFile: options.dryRun ? undefined : (options.failed ?? failedFileOf(options.file, format)),
        progress: progress?.update,
      }).finally(() => progress?.end());
      if (options.dryRun) {
        const { rows, failed, requests } = summary;
        const wouldSend = `${rows - failed} would be sent to segment ${options.segment} in ${requests} bulk requests`;
        io.out(`Dry run, nothing sent: ${rows} rows, ${wouldSend}, ${failed} failed the checks.`);
        for (const example of summary.examples) io.out(`  ${example}`);
        if (summary.failed > summary.examples.length)
          io.out(`  ... and ${summary.failed - summary.examples.length} more`);
      } else {
        io.out(`Imported ${what} into segment ${options.segment}: ${describe(summary)}.`);
        if (summary.failedFile)
          io.out(
            summary.failed
              ? `Failed rows with their errors: ${summary.failedFile}`
              : `No rows failed; ${summary.failedFile} now lists none.`,
          );
      }
      exitCode = summary.failed ? 1 : 0;
    },
  );

  connection(
    program
      .command('export')
      .description("Export a segment's customer or item assignments to CSV or JSON Lines, following all pages.")
      .argument('<what>', 'customers or items')
      .requiredOption('--segment <id>', 'segment id')
      .requiredOption('--out <path>', 'output file (.csv, .jsonl)')
      .addOption(
        new Option('--format <format>', 'output format (default: from the file name)').choices(['csv', 'jsonl']),
      )
      .addOption(itemType('export only items of this type'))
      .addHelpText('after', `${FORMATS}\n${EXIT_CODES}`),
  ).action(
    async (
      what: string,
      options: ConnectionOptions & { segment: string; out: string; format?: string; type?: ItemType },
    ) => {
      const count = await exportRows({
        client: client(options),
        kind: kindFor(what, options.type),
        segmentId: options.segment,
        file: options.out,
        format: formatOf(options.out, options.format),
      });
      io.out(`Exported ${count} ${what} of segment ${options.segment} to ${options.out}.`);
    },
  );

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') return 0;
    if (code?.startsWith('commander.')) return 2;
    // Usage problems, ApiError and TokenError all say in their message what went wrong.
    io.err(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
