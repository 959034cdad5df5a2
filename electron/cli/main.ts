import { Command, CommanderError } from 'commander';
import { isUserError, toAppError } from '../../shared/errors';
import { errorMessage } from './messages';

// `kotae`: the app's core services from the command line, for scripting and black-box checks.
// Exit codes: 0 ok, 1 user error (message on stderr, no stack trace), 2 internal error.

type Register = (program: Command) => void;

/**
 * Where each command is defined. A run loads only the module of the command it runs: loading all
 * of them (ffmpeg, jsdom, mailparser, the bundle and FAQ writers) cost most of a `kotae search`
 * that itself takes milliseconds (issue 20). Help and unknown commands load them all.
 */
const commandModules: Record<string, () => Promise<Register>> = {
  init: () => import('./commands/library').then((m) => m.registerLibraryCommands),
  info: () => import('./commands/library').then((m) => m.registerLibraryCommands),
  list: () => import('./commands/library').then((m) => m.registerLibraryCommands),
  check: () => import('./commands/check').then((m) => m.registerCheckCommand),
  answers: () => import('./commands/answers').then((m) => m.registerAnswerCommands),
  probe: () => import('./commands/video').then((m) => m.registerVideoCommands),
  media: () => import('./commands/video').then((m) => m.registerVideoCommands),
  trim: () => import('./commands/video').then((m) => m.registerVideoCommands),
  bundle: () => import('./commands/bundle').then((m) => m.registerBundleCommands),
  faq: () => import('./commands/faq').then((m) => m.registerFaqCommands),
  import: () => import('./commands/import').then((m) => m.registerImportCommand),
  backup: () => import('./commands/backup').then((m) => m.registerBackupCommands),
  restore: () => import('./commands/backup').then((m) => m.registerBackupCommands),
  status: () => import('./commands/tracking').then((m) => m.registerTrackingCommands),
  log: () => import('./commands/tracking').then((m) => m.registerTrackingCommands),
  capabilities: () => import('./commands/tracking').then((m) => m.registerTrackingCommands),
  search: () => import('./commands/search').then((m) => m.registerSearchCommand),
};

function baseProgram(): Command {
  return new Command()
    .name('kotae')
    .description('Kotae Studio from the command line: the same library and services as the app.')
    .version(process.env.npm_package_version ?? '0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
}

/** The program with every command (for help, and to say a command does not exist). */
export async function buildProgram(): Promise<Command> {
  const program = baseProgram();
  const registered = new Set<Register>();
  for (const load of Object.values(commandModules)) {
    const register = await load();
    if (registered.has(register)) continue;
    registered.add(register);
    register(program);
  }
  return program;
}

/** The program with the command `argv` runs, or every command when it names none we know. */
async function programFor(argv: string[]): Promise<Command> {
  const name = argv.find((a) => !a.startsWith('-'));
  const load = name !== undefined && Object.hasOwn(commandModules, name) ? commandModules[name] : undefined;
  if (!load) return buildProgram();
  const program = baseProgram();
  (await load())(program);
  return program;
}

export async function run(argv: string[]): Promise<number> {
  try {
    const program = await programFor(argv);
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return err.exitCode === 0 ? 0 : 1;
    }
    const error = toAppError(err);
    if (isUserError(error.code)) {
      process.stderr.write(`kotae: ${errorMessage(error)}\n`);
      return 1;
    }
    process.stderr.write(`kotae: internal error: ${error.detail ?? error.code}\n`);
    if (process.env.KOTAE_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return 2;
  }
}
