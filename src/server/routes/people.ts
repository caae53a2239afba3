import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { previewFile, thumbnailPaths } from '../../media/index.js';
import { faceCrop } from '../../people/face-crop.js';
import type { FaceView, PersonSummary } from '../../people/service.js';
import {
  Buckets,
  Changed,
  NumericIdParams,
  PhotoIdParams,
  TimelinePage,
  TimelineQuery,
} from '../../shared/api.js';
import {
  CropQuery,
  FaceIdParams,
  FaceList,
  FindByPhotoBody,
  FoundFaces,
  MergeBody,
  MoveFaceBody,
  PagingQuery,
  PassResult,
  PeopleList,
  PeopleQuery,
  PeopleStatus,
  Person,
  RejectFaceBody,
  SuggestionDecision,
  SuggestionList,
  UpdatePersonBody,
  type Face,
} from '../../shared/people-api.js';
import type { Api, ServerContext } from '../context.js';
import { PictoError } from '../../shared/errors.js';
import { decodeCursor, encodeCursor, gridItem } from '../services/gallery.js';
import { contentVersion } from '../services/urls.js';
import { errors, errors409 } from './common.js';

const IMMUTABLE = 'private, max-age=31536000, immutable';
const MAX_UPLOAD = 60 * 2 ** 20;

/**
 * People: the list, person pages (photos as a timeline, faces, suggestions), corrections, faces in
 * a photo for the viewer, face crops, and find-by-face. Every verb goes through PeopleService, so
 * the API, the CLI and the tests obey the same constraints.
 */
export function peopleRoutes(app: Api, { picto }: ServerContext): void {
  const tags = ['people'];
  const people = picto.people;

  /** Crop URL of a face; its version changes with the photo's content and the face's box. */
  const cropUrl = (faceId: string): string | null => {
    const f = picto.repos.people.face(faceId);
    if (!f) return null;
    const v = createHash('sha1')
      .update(`${contentVersion(f.content_hash)}:${f.x},${f.y},${f.w},${f.h}`)
      .digest('hex')
      .slice(0, 16);
    return `/api/faces/${faceId}/crop?v=${v}`;
  };
  const person = (p: PersonSummary) => ({
    ...p,
    coverUrl: p.coverFaceId ? cropUrl(p.coverFaceId) : null,
  });
  const face = (f: FaceView): Face => ({ ...f, cropUrl: cropUrl(f.id) ?? '' });

  app.get(
    '/people',
    {
      schema: {
        tags,
        summary: 'People with counts and cover faces (named first)',
        querystring: PeopleQuery,
        response: { 200: PeopleList },
      },
    },
    async (req) => ({ people: people.list({ includeHidden: req.query.hidden }).map(person) }),
  );

  app.get(
    '/people/status',
    {
      schema: {
        tags,
        summary: 'Faces, people and new faces not grouped yet',
        response: { 200: PeopleStatus },
      },
    },
    async () => people.status(),
  );

  app.post(
    '/people/recluster',
    {
      schema: {
        tags,
        summary: 'Group every face again from scratch',
        description:
          'Keeps every name, merge, move, rejection, hidden person and person id. Runs off the event loop for large libraries.',
        response: { 200: PassResult },
      },
    },
    async () => people.recluster(),
  );

  app.get(
    '/people/:id',
    {
      schema: {
        tags,
        summary: 'One person (merged ids resolve to the person they joined)',
        params: NumericIdParams,
        response: { 200: Person, ...errors },
      },
    },
    async (req) => person(people.get(req.params.id)),
  );

  app.patch(
    '/people/:id',
    {
      schema: {
        tags,
        summary: 'Name, hide or choose the cover face',
        description:
          'Acting on a person confirms the faces it shows: later clustering keeps them in it.',
        params: NumericIdParams,
        body: UpdatePersonBody,
        response: { 200: Person, ...errors },
      },
    },
    async (req) => {
      const { name, hidden, coverFaceId } = req.body;
      const id = people.get(req.params.id).id;
      if (name !== undefined) people.corrections.rename(id, name);
      if (hidden !== undefined) people.corrections.setHidden(id, hidden);
      if (coverFaceId !== undefined) people.corrections.setCover(id, coverFaceId);
      return person(people.get(id));
    },
  );

  app.post(
    '/people/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge people into this one',
        description:
          'Their faces join :id, which keeps its id (and name, else takes theirs); their ids become aliases.',
        params: NumericIdParams,
        body: MergeBody,
        response: { 200: Person, ...errors409 },
      },
    },
    async (req) => person(people.get(people.corrections.merge(req.body.ids, req.params.id).id)),
  );

  app.get(
    '/people/:id/photos',
    {
      schema: {
        tags,
        summary: "Page through a person's photos, newest first (timeline shape)",
        params: NumericIdParams,
        querystring: TimelineQuery,
        response: { 200: TimelinePage, ...errors },
      },
    },
    async (req) => {
      const id = people.get(req.params.id).id;
      const limit = req.query.limit ?? 200;
      const rows = picto.repos.people.personPage(id, {
        limit,
        month: req.query.month,
        after: req.query.cursor ? decodeCursor(req.query.cursor) : undefined,
      });
      const last = rows[rows.length - 1];
      return {
        items: rows.map(gridItem),
        nextCursor: rows.length === limit && last ? encodeCursor(last) : null,
      };
    },
  );

  app.get(
    '/people/:id/buckets',
    {
      schema: {
        tags,
        summary: "A person's photos per month",
        params: NumericIdParams,
        response: { 200: Buckets, ...errors },
      },
    },
    async (req) => {
      const buckets = picto.repos.people.personBuckets(people.get(req.params.id).id);
      return { buckets, total: buckets.reduce((n, b) => n + b.count, 0) };
    },
  );

  app.get(
    '/people/:id/faces',
    {
      schema: {
        tags,
        summary: "A person's faces, newest photo first",
        params: NumericIdParams,
        querystring: PagingQuery,
        response: { 200: FaceList, ...errors },
      },
    },
    async (req) => ({
      faces: people.faces(req.params.id, req.query.limit ?? 100, req.query.offset ?? 0).map(face),
    }),
  );

  app.get(
    '/people/:id/suggestions',
    {
      schema: {
        tags,
        summary: 'Unnamed people and lone faces that may be this person, nearest first',
        params: NumericIdParams,
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
        }),
        response: { 200: SuggestionList, ...errors },
      },
    },
    async (req) => ({
      suggestions: people.suggestions(req.params.id, req.query.limit ?? 50).map((s) => ({
        kind: s.kind,
        personId: s.kind === 'person' ? s.personId : null,
        faceId: s.kind === 'face' ? s.faceId : null,
        faceCount: s.kind === 'person' ? s.faceCount : 1,
        distance: Math.round(s.distance * 1e4) / 1e4,
        cropUrl: s.coverFaceId ? cropUrl(s.coverFaceId) : null,
        photoId: s.photoId,
      })),
    }),
  );

  for (const verdict of ['confirm', 'reject'] as const) {
    app.post(
      `/people/:id/suggestions/${verdict}`,
      {
        schema: {
          tags,
          summary:
            verdict === 'confirm'
              ? 'Yes, these are this person'
              : 'No, these are not this person (remembered)',
          params: NumericIdParams,
          body: SuggestionDecision,
          response: { 200: Changed, ...errors },
        },
      },
      async (req) => {
        const { personIds = [], faceIds = [] } = req.body;
        if (verdict === 'confirm')
          people.corrections.confirmSuggestions(req.params.id, personIds, faceIds);
        else people.corrections.rejectSuggestions(req.params.id, personIds, faceIds);
        return { changed: personIds.length + faceIds.length };
      },
    );
  }

  app.get(
    '/photos/:id/faces',
    {
      schema: {
        tags,
        summary: 'Faces in a photo with their people (for the viewer)',
        params: PhotoIdParams,
        response: { 200: FaceList, ...errors },
      },
    },
    async (req) => {
      picto.collection.photo(req.params.id);
      return { faces: people.facesInPhoto(req.params.id).map(face) };
    },
  );

  app.post(
    '/faces/:id/move',
    {
      schema: {
        tags,
        summary: 'Put a face in a person (or a new one by name)',
        description: 'The face is confirmed for that person and rejected for the one it left.',
        params: FaceIdParams,
        body: MoveFaceBody,
        response: { 200: Person, ...errors },
      },
    },
    async (req) => person(people.get(people.corrections.moveFace(req.params.id, req.body).id)),
  );

  app.post(
    '/faces/:id/reject',
    {
      schema: {
        tags,
        summary: '"Not this person" (remembered)',
        params: FaceIdParams,
        body: RejectFaceBody,
        response: { 200: Changed, ...errors },
      },
    },
    async (req) => {
      people.corrections.rejectFace(req.params.id, req.body.personId);
      return { changed: 1 };
    },
  );

  for (const action of ['remove', 'restore'] as const) {
    app.post(
      `/faces/:id/${action}`,
      {
        schema: {
          tags,
          summary:
            action === 'remove'
              ? 'Not a face / do not group it'
              : 'Let clustering decide about a removed face again',
          params: FaceIdParams,
          response: { 200: Changed, ...errors },
        },
      },
      async (req) => {
        if (action === 'remove') people.corrections.removeFace(req.params.id);
        else people.corrections.restoreFace(req.params.id);
        return { changed: 1 };
      },
    );
  }

  app.get(
    '/faces/:id/crop',
    {
      schema: {
        tags,
        summary: 'A square crop around a face (WebP)',
        description:
          'Cut from the preview; cached for a year when `v` matches the URL the API gave.',
        params: FaceIdParams,
        querystring: CropQuery,
        response: errors,
      },
    },
    async (req, reply) => {
      const f = picto.repos.people.face(req.params.id);
      if (!f) throw new PictoError('not-found', `no face with id ${req.params.id}`);
      const p = picto.collection.photo(f.photo_id);
      const files = thumbnailPaths(picto.layout.thumbs, p.content_hash);
      const [file, w, h] =
        p.preview_width && p.preview_height
          ? [
              previewFile(picto.layout.thumbs, p.content_hash).path,
              p.preview_width,
              p.preview_height,
            ]
          : [files.thumb, p.thumb_width, p.thumb_height];
      if (!w || !h || !p.width || !p.height) {
        throw new PictoError('not-ready', `no preview yet for photo ${p.id} (status: ${p.status})`);
      }
      const body = await faceCrop(
        {
          file,
          width: w,
          height: h,
          photoWidth: p.width,
          photoHeight: p.height,
          box: [f.x, f.y, f.w, f.h],
        },
        req.query.size ?? 160,
      );
      // The schema documents error replies only; the success body is bytes.
      return (reply as FastifyReply)
        .type('image/webp')
        .header(
          'cache-control',
          req.query.v === cropUrl(f.id)?.split('v=')[1] ? IMMUTABLE : 'private, no-cache',
        )
        .send(body);
    },
  );

  app.post(
    '/people/find',
    {
      schema: {
        tags,
        summary: 'Find by face: the people in a library photo and their photos',
        body: FindByPhotoBody,
        response: { 200: FoundFaces, ...errors },
      },
    },
    async (req) => {
      picto.collection.photo(req.body.photoId);
      return { faces: people.findByPhoto(req.body.photoId) };
    },
  );

  // Uploads: raw image bytes as the body, parsed only in this scope.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      [
        'image/jpeg',
        'image/png',
        'image/webp',
        'image/heic',
        'image/heif',
        'image/avif',
        'image/tiff',
        'application/octet-stream',
      ],
      { parseAs: 'buffer', bodyLimit: MAX_UPLOAD },
      (_req, body, done) => done(null, body),
    );
    (scope as unknown as Api).post(
      '/people/find/upload',
      {
        schema: {
          tags,
          summary: 'Find by face with a photo from outside the library',
          description:
            'Send the image bytes as the body (Content-Type image/jpeg, image/png, …). Nothing is stored.',
          response: { 200: FoundFaces, ...errors },
        },
      },
      async (req) => {
        const bytes = req.body as unknown as Buffer;
        if (!Buffer.isBuffer(bytes) || !bytes.length)
          throw new PictoError('invalid', 'send the image bytes as the body');
        const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'picto-find-'));
        const file = path.join(dir, 'upload');
        try {
          await fs.writeFile(file, bytes);
          return { faces: await people.findByImageFile(file) };
        } finally {
          await fs.rm(dir, { recursive: true, force: true });
        }
      },
    );
  });
}
