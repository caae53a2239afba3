/** Bump when the models or the processing change: every photo is read again. */
export const OCR_VERSION = 'ocr@1:ppocrv4';
