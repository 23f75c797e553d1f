import { ApiError } from '@cs/client';
import { Command, Option } from 'commander';
import { customersKind, itemsKind, Kind } from './kinds';
import { formatOf } from './rows';
import { connect, ConnectionOptions, UsageError } from './settings';
import { exportRows, importRows, ImportSummary } from './transfer';

interface Io {
  out: (line: string) => void;
  err: (text: string) => void;
  isTty: boolean;
}

const connection = (command: Command) =>
  command
    .option('--base-url <url>', 'service URL (env SEGMENTS_BASE_URL, default http://localhost:3000)')
    .option('--tenant <tenant>', 'tenant (env SEGMENTS_TENANT)')
    .option('--client-id <id>', 'OAuth client id (env SEGMENTS_CLIENT_ID)')
    .option('--client-secret <secret>', 'OAuth client secret (env SEGMENTS_CLIENT_SECRET)')
    .option('--token <token>', 'a bearer token instead of client credentials (env SEGMENTS_TOKEN)');

const itemType = () => new Option('--type <type>', 'item type').choices(['PRODUCT', 'CATEGORY']);

function kindFor(what: string, type: 'PRODUCT' | 'CATEGORY' | undefined, forImport: boolean): Kind<unknown> {
  if (what === 'customers') return customersKind as Kind<unknown>;
  if (what === 'items') {
    if (forImport && !type) throw new UsageError('Importing items needs --type PRODUCT or --type CATEGORY.');
    return itemsKind(type) as Kind<unknown>;
  }
  throw new UsageError(`Unknown list '${what}': use customers or items.`);
}

function describe(summary: ImportSummary): string {
  return `${summary.rows} rows: ${summary.created} created, ${summary.updated} updated, ${summary.failed} failed`;
}

/** The command-line program; `run` returns the exit code (0 ok, 1 some rows failed, 2 usage or fatal error). */
export async function run(
  argv: string[],
  io: Io = {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (t) => process.stderr.write(t),
    isTty: Boolean(process.stderr.isTTY),
  },
): Promise<number> {
  let exitCode = 0;
  const program = new Command('segments-cli')
    .description('Import and export segment membership lists (customer and item assignments).')
    .exitOverride()
    .configureOutput({ writeOut: (t) => io.out(t.trimEnd()), writeErr: (t) => io.err(t) });

  connection(
    program
      .command('import')
      .description(
        'Import customer or item assignments into a segment from CSV (header: customerId,legalEntityId,mixins | id,mixins) or JSON Lines; re-running a file is safe.',
      )
      .argument('<what>', 'customers or items')
      .requiredOption('--segment <id>', 'segment id')
      .requiredOption('--file <path>', 'input file (.csv, .jsonl)')
      .addOption(
        new Option('--format <format>', 'input format (default: from the file name)').choices(['csv', 'jsonl']),
      )
      .addOption(itemType())
      .option('--failed <path>', 'where failed rows go (default: <file>.failed.<ext>)'),
  ).action(
    async (
      what: string,
      options: ConnectionOptions & {
        segment: string;
        file: string;
        format?: string;
        type?: 'PRODUCT' | 'CATEGORY';
        failed?: string;
      },
    ) => {
      const kind = kindFor(what, options.type, true);
      const format = formatOf(options.file, options.format);
      const failedFile = options.failed ?? `${options.file.replace(/\.[^./]+$/, '')}.failed.${format}`;
      const summary = await importRows({
        client: connect(options),
        kind,
        segmentId: options.segment,
        file: options.file,
        format,
        failedFile,
        progress: (s) => io.err(io.isTty ? `\r${describe(s)}` : `${describe(s)}\n`),
      });
      if (io.isTty) io.err('\n');
      io.out(`Imported ${what} into segment ${options.segment}: ${describe(summary)}.`);
      if (summary.failedFile) io.out(`Failed rows with their errors: ${summary.failedFile}`);
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
      .addOption(itemType()),
  ).action(
    async (
      what: string,
      options: ConnectionOptions & { segment: string; out: string; format?: string; type?: 'PRODUCT' | 'CATEGORY' },
    ) => {
      const count = await exportRows({
        client: connect(options),
        kind: kindFor(what, options.type, false),
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
    io.err(
      `${error instanceof UsageError || error instanceof ApiError ? error.message : String((error as Error).message ?? error)}\n`,
    );
    return 2;
  }
}
