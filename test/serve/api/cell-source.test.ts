/** Decoding a cell's provenance for the page: PDF cells name the attached file's page, never a capture by accident. */
import { describe, expect, it } from 'vitest';
import { cellSource, type ImageLookup } from '../../../serve/api/cell-source.ts';

const images: ImageLookup = { isImageCapture: (id) => id === 5, captureForUrl: () => null };

describe('cellSource', () => {
  it('a PDF text-layer cell is a document cell on its page', () => {
    expect(cellSource({ method: 'pdf-text', location: 'page[3]/table[1]/row[4]/col[2]', sourceCaptureId: 77 }, images)).toEqual({
      kind: 'document', captureId: 77, page: 3, table: 1, row: 4, col: 2, location: 'page[3]/table[1]/row[4]/col[2]',
    });
  });

  it('an OCR cell of image 5 embedded in a PDF points at the PDF (capture 77) and its page, not at capture 5', () => {
    const location = 'page[2]/image[5]#table[0]/row[3]/col[1] bbox[10,20,30,40]';
    expect(cellSource({ method: 'ocr', location, sourceCaptureId: 77 }, images)).toEqual({ kind: 'document', captureId: 77, page: 2, table: 0, row: 3, col: 1, location });
  });

  it('an OCR cell of an archived image capture still decodes to that capture and box', () => {
    expect(cellSource({ method: 'ocr', location: 'capture[5]#table[0]/row[1]/col[2] bbox[1,2,3,4]', sourceCaptureId: 77 }, images)).toEqual({
      kind: 'image', captureId: 5, bbox: { x: 1, y: 2, w: 3, h: 4 }, repair: null,
    });
  });
});
