import { Type } from '@sinclair/typebox';
import {
  Accepted,
  AddFolderBody,
  AddFolderResult,
  Folder,
  FolderIssues,
  FolderList,
  LimitQuery,
  NumericIdParams,
  UpdateFolderBody,
} from '../../shared/api.js';
import type { Api, ServerContext } from '../context.js';
import { errors, errors409 } from './common.js';

export function folderRoutes(app: Api, { picto }: ServerContext): void {
  const folders = picto.library;
  const tags = ['folders'];

  app.get(
    '/folders',
    {
      schema: {
        tags,
        summary: 'Library folders with live progress',
        description: 'Counts per folder and, while a scan runs, its phase and progress.',
        response: { 200: FolderList },
      },
    },
    async () => ({ folders: folders.list() }),
  );

  app.post(
    '/folders',
    {
      schema: {
        tags,
        summary: 'Add a folder and start scanning it',
        description:
          'The scan runs in the background (follow it with /api/events or GET /api/folders). A folder ' +
          'inside a library folder is refused (409); a parent absorbs its library subfolders.',
        body: AddFolderBody,
        response: { 201: AddFolderResult, 200: AddFolderResult, ...errors409 },
      },
    },
    async (req, reply) => {
      const result = await folders.add(req.body.path, req.body.ai ?? true);
      return reply.code(result.created ? 201 : 200).send(result);
    },
  );

  app.get(
    '/folders/:id',
    {
      schema: {
        tags,
        summary: 'One folder',
        params: NumericIdParams,
        response: { 200: Folder, ...errors },
      },
    },
    async (req) => folders.get(req.params.id),
  );

  app.patch(
    '/folders/:id',
    {
      schema: {
        tags,
        summary: 'Switch AI on or off for a folder',
        description: 'Switching on queues the AI stages its photos have not had yet.',
        params: NumericIdParams,
        body: UpdateFolderBody,
        response: { 200: Folder, ...errors },
      },
    },
    async (req) => folders.setAi(req.params.id, req.body.ai),
  );

  app.delete(
    '/folders/:id',
    {
      schema: {
        tags,
        summary: 'Remove a folder from the library (files on disk are not touched)',
        params: NumericIdParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (req, reply) => {
      await folders.remove(req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/folders/:id/rescan',
    {
      schema: {
        tags,
        summary: 'Look for new, changed, moved and deleted files',
        params: NumericIdParams,
        response: { 202: Accepted, ...errors },
      },
    },
    async (req, reply) => {
      folders.rescan(req.params.id);
      return reply.code(202).send({ accepted: true });
    },
  );

  app.get(
    '/folders/:id/issues',
    {
      schema: {
        tags,
        summary: 'Files of this folder that failed, and why',
        params: NumericIdParams,
        querystring: LimitQuery,
        response: { 200: FolderIssues, ...errors },
      },
    },
    async (req) => folders.issues(req.params.id, req.query.limit ?? 500),
  );
}
