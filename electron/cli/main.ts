import { Command, CommanderError } from 'commander';
import { isUserError, toAppError } from '../../shared/errors';
import { registerAnswerCommands } from './commands/answers';
import { registerBackupCommands } from './commands/backup';
import { registerCheckCommand } from './commands/check';
import { registerBundleCommands } from './commands/bundle';
import { registerFaqCommands } from './commands/faq';
import { registerImportCommand } from './commands/import';
import { registerLibraryCommands } from './commands/library';
import { registerTrackingCommands } from './commands/tracking';
import { registerSearchCommand } from './commands/search';
import { registerVideoCommands } from './commands/video';
import { errorMessage } from './messages';

// `kotae`: the app's core services from the command line, for scripting and black-box checks.
// Exit codes: 0 ok, 1 user error (message on stderr, no stack trace), 2 internal error.

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('kotae')
    .description('Kotae Studio from the command line: the same library and services as the app.')
    .version(process.env.npm_package_version ?? '0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerLibraryCommands(program);
  registerCheckCommand(program);
  registerAnswerCommands(program);
  registerVideoCommands(program);
  registerBundleCommands(program);
  registerFaqCommands(program);
  registerImportCommand(program);
  registerBackupCommands(program);
  registerTrackingCommands(program);
  registerSearchCommand(program);
  return program;
}

export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
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
