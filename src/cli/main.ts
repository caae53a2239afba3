import { Command, CommanderError } from 'commander';
import { CatalogError } from '../collection/errors.js';
import { FolderError } from '../library/folders.js';
import { registerBackupCommands, registerSidecarCommand } from './commands/safety.js';
import { registerCollectionCommands } from './commands/collection.js';
import { registerFolderCommands } from './commands/folders.js';
import { registerStatusCommand } from './commands/status.js';
import { registerServerCommands } from './commands/server.js';
import { registerSearchCommand } from './commands/search.js';
import { registerPeopleCommands } from './commands/people.js';
import { UsageError, type GlobalOptions } from './context.js';

const program = new Command();
program
  .name('picto')
  .description('Picto: a local-first smart photo gallery')
  .option('--data <dir>', 'data directory (default: $PICTO_DATA or ~/.local/share/picto)')
  .option('--workers <n>', 'indexing worker threads (default: one per core)')
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

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? 0 : 2;
  } else if (err instanceof UsageError) {
    process.stderr.write(`picto: ${err.message}\n`);
    process.exitCode = 2;
  } else if (err instanceof FolderError || err instanceof CatalogError) {
    process.stderr.write(`picto: ${err.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`picto: ${(err as Error)?.stack ?? err}\n`);
    process.exitCode = 1;
  }
}
