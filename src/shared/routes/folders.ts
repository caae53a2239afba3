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
} from '../api.js';
import { declareRoutes } from './declare.js';

export const folderRoutes = declareRoutes({
  listFolders: {
    method: 'GET',
    path: '/api/folders',
    tag: 'folders',
    summary: 'Library folders with live progress',
    description: 'Counts per folder and, while a scan runs, its phase and progress.',
    response: { 200: FolderList },
  },
  addFolder: {
    method: 'POST',
    path: '/api/folders',
    tag: 'folders',
    summary: 'Add a folder and start scanning it',
    description:
      'The scan runs in the background (follow it with /api/events or GET /api/folders). A folder ' +
      'inside a library folder is refused (409); a parent absorbs its library subfolders.',
    body: AddFolderBody,
    response: { 201: AddFolderResult, 200: AddFolderResult },
    errors: [404, 409],
  },
  getFolder: {
    method: 'GET',
    path: '/api/folders/:id',
    tag: 'folders',
    summary: 'One folder',
    params: NumericIdParams,
    response: { 200: Folder },
    errors: [404],
  },
  updateFolder: {
    method: 'PATCH',
    path: '/api/folders/:id',
    tag: 'folders',
    summary: 'Switch AI on or off for a folder',
    description: 'Switching on queues the AI stages its photos have not had yet.',
    params: NumericIdParams,
    body: UpdateFolderBody,
    response: { 200: Folder },
    errors: [404],
  },
  removeFolder: {
    method: 'DELETE',
    path: '/api/folders/:id',
    tag: 'folders',
    summary: 'Remove a folder from the library (files on disk are not touched)',
    params: NumericIdParams,
    response: { 204: Type.Null() },
    errors: [404],
  },
  rescanFolder: {
    method: 'POST',
    path: '/api/folders/:id/rescan',
    tag: 'folders',
    summary: 'Look for new, changed, moved and deleted files',
    params: NumericIdParams,
    response: { 202: Accepted },
    errors: [404],
  },
  getFolderIssues: {
    method: 'GET',
    path: '/api/folders/:id/issues',
    tag: 'folders',
    summary: 'Files of this folder that failed, and why',
    params: NumericIdParams,
    query: LimitQuery,
    response: { 200: FolderIssues },
    errors: [404],
  },
});
