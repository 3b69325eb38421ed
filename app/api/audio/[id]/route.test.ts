import { describe, expect, it, vi } from "vitest";

const FILE_ID = "0b6c8f0e-3a4d-4e6f-9a1b-2c3d4e5f6a7b";
const BYTES = Buffer.from("ID3 fake mp3 bytes");

vi.mock("@/lib/auth/current-user", () => ({ currentUser: async () => ({ id: "u1", role: "manager" }) }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => `t:${key}` }));
vi.mock("@/lib/db/queries/audio", () => ({
  findAudioFileMeta: async ({ id }: { id: string }) => (id === FILE_ID ? { id, name: "upload-7.mp3", format: "mp3", sizeBytes: BYTES.length } : undefined),
  readAudioBytes: async ({ start, end }: { start: number; end: number }) => BYTES.subarray(start, end + 1),
}));

const { GET } = await import("./route");

const disposition = async (query = "") =>
  (await GET(new Request(`http://app.test/api/audio/${FILE_ID}${query}`), { params: Promise.resolve({ id: FILE_ID }) })).headers.get("content-disposition");

describe("GET /api/audio/[id]: the name a download is saved under", () => {
  it("is the stored file's name when none is asked for", async () => {
    expect(await disposition()).toBe(`inline; filename="upload-7.mp3"; filename*=UTF-8''upload-7.mp3`);
    expect(await disposition("?name=%20%20")).toBe(`inline; filename="upload-7.mp3"; filename*=UTF-8''upload-7.mp3`);
  });

  it("is the asked name (a record's), Cyrillic kept in filename*, with the file's extension", async () => {
    const name = encodeURIComponent("Приветствие (осень)");
    expect(await disposition(`?name=${name}`)).toBe(
      `inline; filename="___________ (_____).mp3"; filename*=UTF-8''%D0%9F%D1%80%D0%B8%D0%B2%D0%B5%D1%82%D1%81%D1%82%D0%B2%D0%B8%D0%B5%20%28%D0%BE%D1%81%D0%B5%D0%BD%D1%8C%29.mp3`,
    );
    expect(await disposition("?name=Greeting.MP3")).toBe(`inline; filename="Greeting.MP3"; filename*=UTF-8''Greeting.MP3`);
  });

  it("cannot break out of the header or into a path", async () => {
    const value = await disposition(`?name=${encodeURIComponent('../a"b\r\nset-cookie: x=1')}`);
    expect(value).toBe(`inline; filename="..abset-cookie: x=1.mp3"; filename*=UTF-8''..abset-cookie%3A%20x%3D1.mp3`);
  });
});
