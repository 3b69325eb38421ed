/** The largest audio file the app takes (Calldron's own limit for an intro is 10 MB). */
export const MAX_AUDIO_BYTES = 10 * 1024 * 1024;

export const AUDIO_PURPOSES = ["calldron-intro", "calldog-record"] as const;
export type AudioPurpose = (typeof AUDIO_PURPOSES)[number];

export type AudioFormat = "mp3" | "wav";

export const AUDIO_CONTENT_TYPES: Record<AudioFormat, string> = { mp3: "audio/mpeg", wav: "audio/wav" };
