/**
 * Corpus photos the search API and page tests index: three geotagged in Italy in 2008, two faces
 * of one person, one of another. The API test adds a photo and its mirror image (a duplicate).
 */
export const SEARCH_PHOTOS = [
  'exif/gps/DSCN0010.jpg',
  'exif/gps/DSCN0012.jpg',
  'exif/gps/DSCN0021.jpg',
  'faces/face_recognition/obama.jpg',
  'faces/face_recognition/obama_partial_face.jpg',
  'faces/deepface/img1.jpg',
];
