/** Test files: Windows-1251 text as Russian Excel saves it (TextEncoder only writes UTF-8). */
export function encode1251(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) out[i] = code;
    else if (code >= 0x410 && code <= 0x44f) out[i] = code - 0x350;
    else if (code === 0x401) out[i] = 0xa8;
    else if (code === 0x451) out[i] = 0xb8;
    else out[i] = 0x3f;
  }
  return out;
}

/** A small Russian export: `;`, a header, numbers written `8 (9xx) …`, one bad number, one repeat. */
export const RUSSIAN_CSV = [
  "ФИО;Телефон;Код;Почта",
  "Иванов Иван;8 (999) 100-00-01;A-1;ivan@example.ru",
  "Петрова Анна;8 (999) 100-00-02;A-2;",
  "Сидоров;12345;A-3;",
  "Иванов дубль;+7 999 100-00-01;A-4;",
  "Кузнецов;8 (999) 100-00-03;A-5;",
].join("\r\n");
