/** An image for a vision model: inline bytes, or a URL the provider fetches itself. */
export type ImageSource = { mediaType: string; data: string } | { url: string };

/**
 * Fetches the media a task points at (Label Studio uploads, local files, cloud storage, allowed hosts).
 * Implemented in server/, where Label Studio's URL and key live.
 */
export interface MediaLoader {
  /** Throws a coded error naming the host when the download is refused or fails. */
  load(options: { url: string; taskId?: number | string; signal?: AbortSignal }): Promise<ImageSource>;
}
