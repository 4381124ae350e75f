/**
 * Captures the files the chart downloads. jsdom has no URL.createObjectURL, so the chart's download path is
 * stubbed for the tests of one describe block and restored after each test, leaving URL as it was found.
 */
export interface Downloads {
  /** The downloaded files' text, in download order. */
  texts: () => Promise<string[]>;
  count: () => number;
}

const readText = (blob: Blob) =>
  new Promise<string>(resolve => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

export function captureDownloads(): Downloads {
  let blobs: Blob[] = [];
  let saved: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'> | undefined;
  beforeEach(() => {
    blobs = [];
    saved = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        blobs.push(blob);
        return `blob:download-${blobs.length}`;
      },
      revokeObjectURL: () => undefined,
    });
  });
  afterEach(() => {
    Object.assign(URL, saved);
  });
  return { texts: () => Promise.all(blobs.map(readText)), count: () => blobs.length };
}
