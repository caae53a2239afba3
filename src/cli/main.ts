import { Command } from 'commander';
import { registerBackupCommands, registerSidecarCommand } from './commands/safety.js';
import { registerCollectionCommands } from './commands/collection.js';
import { registerFolderCommands } from './commands/folders.js';
import { registerStatusCommand } from './commands/status.js';
import { registerServerCommands } from './commands/server.js';
import { registerSearchCommand } from './commands/search.js';
import { registerPeopleCommands } from './commands/people.js';
import { registerRemoteCommands } from './commands/remote.js';
import type { GlobalOptions } from './context.js';
import { failure } from './errors.js';

const program = new Command();
program
  .name('picto')
  .description('Picto: a local-first smart photo gallery')
  .option('--data <dir>', 'data directory (default: $PICTO_DATA or ~/.local/share/picto)')
  .option(
    '--workers <n>',
    'indexing worker threads (default: one per core; serve --queue: 0 leaves all to remote workers)',
  )
  .showHelpAfterError()
  .exitOverride();

const globals = () => program.opts<GlobalOptions>();
registerFolderCommands(program, globals);
registerStatusCommand(program, globals);
registerCollectionCommands(program, globals);
registerServerCommands(program, globals);
registerSearchCommand(program, globals);
registerBackupCommands(program, globals);
registerSidecarCommand(program, globals);
registerPeopleCommands(program, globals);
registerRemoteCommands(program, globals);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const { status, text } = failure(err);
  if (text !== null) process.stderr.write(`picto: ${text}\n`);
  process.exitCode = status;
}
