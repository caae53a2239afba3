// URLs the API hands out. Image URLs carry a content version (`v`): a photo keeps its id when its
// file is edited in place, so the version is what lets browsers cache the bytes forever.

export function contentVersion(contentHash: string): string {
  return contentHash.slice(0, 16);
}

export function thumbUrl(id: string, contentHash: string): string {
  return `/api/photos/${id}/thumbnail?v=${contentVersion(contentHash)}`;
}

export function previewUrl(id: string, contentHash: string): string {
  return `/api/photos/${id}/preview?v=${contentVersion(contentHash)}`;
}

export function originalUrl(id: string): string {
  return `/api/photos/${id}/original`;
}

export function faceCropUrl(faceId: string, version: string): string {
  return `/api/faces/${faceId}/crop?v=${version}`;
}
