import { describe, expect, it } from "vitest";
import { sanitiseAudioFileName } from "@/lib/audio/file-name";

describe("sanitiseAudioFileName", () => {
  it("keeps a plain name and gives it the extension of the real content", () => {
    expect(sanitiseAudioFileName("Приветствие клиники.wav", "wav")).toBe("Приветствие клиники.wav");
    expect(sanitiseAudioFileName("intro.mp3", "wav")).toBe("intro.wav");
    expect(sanitiseAudioFileName("intro", "mp3")).toBe("intro.mp3");
  });

  it("drops directories, control and reserved characters, and leading dots", () => {
    expect(sanitiseAudioFileName("../../etc/passwd", "mp3")).toBe("passwd.mp3");
    expect(sanitiseAudioFileName("C:\\Users\\me\\hello.mp3", "mp3")).toBe("hello.mp3");
    expect(sanitiseAudioFileName('a\u0000b\r\nc<>:"|?*.mp3', "mp3")).toBe("abc.mp3");
    expect(sanitiseAudioFileName(".hidden.mp3", "mp3")).toBe("hidden.mp3");
  });

  it("names a nameless file and cuts a long one to 100 characters", () => {
    expect(sanitiseAudioFileName("", "wav")).toBe("audio.wav");
    expect(sanitiseAudioFileName("...", "wav")).toBe("audio.wav");
    const long = sanitiseAudioFileName(`${"x".repeat(300)}.mp3`, "mp3");
    expect(long).toHaveLength(100);
    expect(long.endsWith(".mp3")).toBe(true);
  });
});
