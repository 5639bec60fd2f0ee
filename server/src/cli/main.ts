import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { isMainThread, workerData } from 'node:worker_threads';
import { isReadAhead, runReadAhead } from '../node/readAhead';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { isCheckSupervisor, runCheckSupervisor } from '../node/checkSupervisor';
import { isCheckWorker, runCheckWorker } from '../node/checkWorker';
import { localToday } from '../core/dates';
import { ALL_RULES } from '../rules/registry';
import { AUDIT_FORMATS, runAudit, type AuditCommandOptions } from './auditCommand';
import { FORMATS, runCheck, type CheckCommandOptions, type CommandIo } from './checkCommand';
import { errorLine, EXIT_CANNOT_RUN, EXIT_OK } from './cliError';
import { runFix, type FixCommandOptions } from './fixCommand';
import { runNew, type NewCommandOptions } from './newCommand';
import { processStdoutWriter } from './stdoutWriter';
import { formatRuleList } from './rulesCommand';
import { TOOL_NAME, TOOL_VERSION } from './toolInfo';
import { MEMO_STATUSES } from '../shared/vocabulary';

// The `decision-memos` command line. Each subcommand lives in its own module and returns an exit
// code; this file parses arguments and turns every failure into one line on stderr with exit
// code 2, never a stack trace.

const io: CommandIo = {
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  today: localToday(),
  // The bundle itself is the check workers, their supervisor and the read-ahead thread (see the end of this file).
  workerScript: __filename,
  cores: availableParallelism(),
  stdout: processStdoutWriter(() => process.exit(process.exitCode ?? EXIT_OK)),
  note: (line) => void process.stderr.write(`${TOOL_NAME}: ${line}\n`),
};

const CHECK_HELP = `
Paths:
  A folder is a workspace root: its .decisions.yaml and memo globs apply.
  A file is checked in the workspace found upward from it (the nearest folder
  with .decisions.yaml; without one, the current folder if the file is inside
  it, else the file's folder), as a memo even if no memo glob matches it.
  Several folders make one report, with paths relative to their common folder.

Exit codes:
  0  no errors (and no more warnings than --max-warnings)
  1  errors, or more warnings than --max-warnings
  2  the check could not be done: bad arguments, a path that does not exist,
     an invalid .decisions.yaml (its problems are still reported), a rule that
     crashed

check never writes a file (except the cache file, with --cache): diagnostics go to
stdout, notes to stderr. The cache is keyed by each memo's content, the settings,
the tenet registry, the links between memos and the evidence on disk: it is never
stale, and safe to delete.

Named files in a workspace of more than 1,000 memos are checked against the front
matter of the others (ids, supersede links): duplicate ids and broken links are
found as in a whole check; relevance hints draw on the tenets and the named memos.

Git (--changed, --base) runs locally, never over the network:
  --changed [REF]  memos that differ from REF (committed, staged, unstaged or new),
                   and the memos they affect (same id, supersede links, evidence that
                   appeared or vanished); a changed config, people or tenet file checks
                   every memo. Without REF: the merge base with origin/HEAD, else main,
                   else master.
  --base REF       also report memo-id-conflict: a memo this branch adds whose id REF
                   gave another file since the branches parted (merge base). Without
                   history (a shallow clone), every REF memo this branch lacks counts.`;

const FIX_HELP = `
fix applies the safe fixes, the ones the editor's "Fix all" applies, and checks the
files again until nothing more can be fixed, so a second run changes nothing. Then
it writes each changed file at once (a temporary file renamed over it), keeping its
line ends, byte-order mark and permissions, prints what it fixed per file and the
problems that remain, and exits as check would on the fixed files (0/1/2; 2 also
when a file could not be written). A file that is not valid UTF-8 is left alone.

--dry-run writes nothing: the changes go to stdout as a unified diff (for git apply
or patch -p1), what would be fixed to stderr.`;

const AUDIT_HELP = `
Across repositories:
  Each repository writes its report with \`audit --format json --name REPO -o audit.json\`;
  \`audit --merge reports/ --format html -o org.html\` merges them: adoption per
  repository, company tenets cited across repositories and never cited, tenets judged ✗
  in several repositories, owners with decisions in several, overdue reviews. A report of
  another version of ${TOOL_NAME}, or not of its shape, is refused (exit 2, one line
  naming the file) and nothing is merged.`;

function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command(TOOL_NAME)
    .description('Checks markdown decision memos for owners, tenets, evidence, claims and boundaries.')
    .version(TOOL_VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: (message) => io.note(oneLine(message)) });

  program
    .command('check')
    .description('check memos and tenets: folders as workspaces (default: the current folder), or single files')
    .argument('[paths...]', 'folders (each a workspace root) or files (workspace found upward)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('stylish'))
    .option('--max-warnings <n>', 'exit with code 1 when there are more than n warnings', nonNegativeInteger)
    .option('-q, --quiet', 'report errors only')
    .option('--cache', 'reuse the results of unchanged memos (cache file: .decision-memos-cache.json)')
    .option('--cache-location <file>', 'cache file to use (implies --cache)')
    .option('--changed [ref]', 'only memos changed against a git ref, and those they affect (default: the merge base with the default branch; PATHs go before it, or write --changed=REF)')
    .option('--base <ref>', 'report memo ids this branch adds that the git ref gives to other memos (memo-id-conflict)')
    .option('-j, --jobs <n>', `threads for a cold check of a whole workspace (default: ${availableParallelism()}, the cores; 1: this thread only)`, positiveInteger)
    .option('--color', 'force colours in stylish output')
    .option('--no-color', 'no colours in stylish output')
    .addHelpText('after', CHECK_HELP)
    .action((paths: string[], options: CheckCommandOptions) => setExitCode(runCheck(paths, options, io)));

  program
    .command('fix')
    .description('apply the safe fixes (as the editor\'s fix all does) to memos and tenets, then report what remains')
    .argument('[paths...]', 'folders (each a workspace root) or files (workspace found upward)')
    .option('--dry-run', 'write nothing; print the changes as a unified diff')
    .option('--max-warnings <n>', 'exit with code 1 when more than n warnings remain', nonNegativeInteger)
    .option('-q, --quiet', 'report remaining errors only')
    .option('--color', 'force colours')
    .option('--no-color', 'no colours')
    .addHelpText('after', FIX_HELP)
    .action((paths: string[], options: FixCommandOptions) => setExitCode(runFix(paths, options, io)));

  program
    .command('new')
    .description('write the next memo from the template and print its path (never overwrites)')
    .argument('<title>', 'the decision, e.g. "Use Postgres for search"')
    .addOption(new Option('-s, --status <status>', 'front matter status').choices(MEMO_STATUSES).default('draft'))
    .option('-d, --dir <path>', 'folder for the memo (default: where most memos live)')
    .option('--base <ref>', 'also number after the memo ids of a git ref (the branch this one merges into)')
    .action((title: string, options: NewCommandOptions) => setExitCode(runNew(title, options, io)));

  program
    .command('audit')
    .description('tenet usage report: citations per tenet, uncited tenets, conflicts, owners, evidence coverage')
    .argument('[path]', 'the workspace folder (default: the current folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(AUDIT_FORMATS).default('text'))
    .option('--since <date>', 'only memos dated on or after this day (YYYY-MM-DD); undated memos are left out')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--name <name>', 'the repository\'s name in the JSON report (default: the workspace folder\'s name)')
    .option('--merge <reports...>', 'merge JSON reports of several repositories (files, or folders: every *.json in them) instead of auditing a workspace')
    .addHelpText('after', AUDIT_HELP)
    .action((target: string | undefined, options: AuditCommandOptions) => setExitCode(runAudit(target, options, io)));

  program
    .command('rules')
    .description('list every rule with its default severity')
    .action(() => {
      io.stdout(formatRuleList(ALL_RULES));
      setExitCode(EXIT_OK);
    });

  return program;
}

function positiveInteger(value: string): number {
  if (!/^\s*[1-9]\d*\s*$/.test(value) || Number(value) > 256) throw new InvalidArgumentError('Expected a whole number from 1 to 256.');
  return Number(value);
}

function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('Expected a whole number of 0 or more.');
  return Number(value);
}

/** Commander's messages start with `error: ` and may carry a suggestion on a second line. */
function oneLine(message: string): string {
  return message
    .replace(/^error:\s*/i, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
}

function main(argv: readonly string[]): void {
  let exitCode = EXIT_OK;
  const program = buildProgram((code) => (exitCode = code));
  try {
    // Without a subcommand, show the help on stderr and fail: a bare call is a usage mistake.
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      exitCode = EXIT_CANNOT_RUN;
    } else {
      program.parse([...argv], { from: 'user' });
    }
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; commander has already printed its one-line message otherwise.
      exitCode = error.exitCode === 0 ? EXIT_OK : EXIT_CANNOT_RUN;
    } else {
      io.note(errorLine(error));
      exitCode = EXIT_CANNOT_RUN;
    }
  }
  // Set, not `process.exit()`: a large report piped to another program must be flushed first.
  process.exitCode = exitCode;
}

// A reader that closes the pipe early (`| head`) is not an error worth a stack trace.
if (isMainThread) process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
  throw error;
});
if (isMainThread) process.on('uncaughtException', (error) => {
  process.stderr.write(`${TOOL_NAME}: ${errorLine(error)}\n`);
  process.exit(EXIT_CANNOT_RUN);
});

// A check's live memory is small next to what it allocates and drops (texts, parses): V8's
// default lets a heap grow several times past what is live before a full collection, and young
// space to 16 MB per semi-space in every thread. Flags are process-wide, so the check's worker
// threads, started later, take them too (bench/RESULTS.md: peak RSS against time).
setFlagsFromString('--heap-growing-percent=30');
setFlagsFromString('--max-semi-space-size=8');
// After the module has loaded: while its first statement runs, Node's loader still holds the
// bundle's text twice on the stack (4 MB, for as long as a check runs).
if (isMainThread) setImmediate(() => main(process.argv.slice(2)));
else if (isCheckSupervisor(workerData)) runCheckSupervisor(workerData);
else if (isCheckWorker(workerData)) runCheckWorker(workerData);
else if (isReadAhead(workerData)) void runReadAhead(workerData);
