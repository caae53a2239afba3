// [Note: lazy start] Parsing the command line loads only commander and the command declarations
// (src/cli/commands/*.ts import nothing heavy at the top). The app (catalogue, services) loads when
// a command opens it (context.ts withPicto), the server when one serves, and the decoders and
// model runtimes (sharp, onnxruntime, exiftool) only in the indexing workers or on first use.
// `picto --help` costs node's own start-up plus commander; `bench/sections/startup.ts` measures it.
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
  .description(
    'Picto: a local-first smart photo gallery for photos, videos and Live Photos (MP4, MOV, MKV, WebM…)',
  )
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
