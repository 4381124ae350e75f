/**
 * Captures the files the chart downloads. jsdom has no URL.createObjectURL, so the chart's download path is
 * stubbed for the tests of one describe block and restored after each test, leaving URL as it was found.
 */
export interface Downloads {
  /** The downloaded files' text, in download order, once at least one has come. */
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
  // The chart loads its file writers when a file is asked for: wait (up to 5 s) until a file has come.
  const texts = async () => {
    for (let waited = 0; !blobs.length && waited < 5000; waited += 20) await new Promise(r => setTimeout(r, 20));
    return Promise.all(blobs.map(readText));
  };
  return { texts, count: () => blobs.length };
}
