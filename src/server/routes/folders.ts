import { folderRoutes as r } from '../../shared/routes/folders.js';
import type { Api, ServerContext } from '../context.js';
import { route } from '../route.js';

export function folderRoutes(app: Api, { picto }: ServerContext): void {
  const folders = picto.library;

  route(app, r.listFolders, async () => ({ folders: folders.list(), totals: folders.totals() }));

  route(app, r.addFolder, async (req, reply) => {
    const result = await folders.add(req.body.path, req.body.ai ?? true);
    return reply.code(result.created ? 201 : 200).send(result);
  });

  route(app, r.getFolder, async (req) => folders.get(req.params.id));

  route(app, r.updateFolder, async (req) => folders.setAi(req.params.id, req.body.ai));

  route(app, r.removeFolder, async (req, reply) => {
    await folders.remove(req.params.id);
    return reply.code(204).send(null);
  });

  route(app, r.rescanFolder, async (req, reply) => {
    folders.rescan(req.params.id);
    return reply.code(202).send({ accepted: true });
  });

  route(app, r.getFolderImport, async (req) => folders.imported(req.params.id));

  route(app, r.getFolderIssues, async (req) =>
    folders.issues(req.params.id, req.query.limit ?? 500),
  );
}
