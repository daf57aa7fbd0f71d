import { TaskDataError } from '../../core/errors';
import { MediaLoadError } from './media-load-error';
import { resolveImageType } from './resolve-image-type';

export interface InlineImage {
  mediaType: string;
  /** Base64. */
  data: string;
}

function percentDecode(text: string): Buffer {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const hex = text.slice(index + 1, index + 3);
    if (code === 0x25 && /^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else if (code < 0x80) {
      bytes.push(code);
    } else {
      bytes.push(...Buffer.from(text[index] as string, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/** `data:[<media type>][;base64],<data>` → the image it holds, checked against `maxBytes` before decoding. */
export function decodeDataUrl(url: string, maxBytes: number): InlineImage {
  const comma = url.indexOf(',');
  if (!/^data:/i.test(url) || comma === -1) throw new TaskDataError('malformed data: URL (no comma before the data)');
  const header = url.slice('data:'.length, comma);
  const payload = url.slice(comma + 1);
  const parameters = header.split(';').map((part) => part.trim());
  const isBase64 = parameters.length > 1 && parameters[parameters.length - 1]?.toLowerCase() === 'base64';
  const declaredType = parameters[0] ?? '';
  const described = `data:${declaredType || 'text/plain'} URL`;

  let bytes: Buffer;
  if (isBase64) {
    const base64 = (payload.includes('%') ? percentDecode(payload).toString('latin1') : payload).replace(/[\t\n\f\r ]/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 === 1) {
      throw new TaskDataError(`malformed ${described}: the data is not base64`);
    }
    const decodedLength = Math.floor((base64.replace(/=+$/, '').length * 3) / 4);
    if (decodedLength > maxBytes) {
      throw new MediaLoadError('too-large', `the ${described} holds ${decodedLength} bytes, more than the ${maxBytes}-byte limit`);
    }
    bytes = Buffer.from(base64, 'base64');
  } else {
    if (payload.length > maxBytes * 3) {
      throw new MediaLoadError('too-large', `the ${described} holds more than the ${maxBytes}-byte limit`);
    }
    bytes = percentDecode(payload);
    if (bytes.length > maxBytes) {
      throw new MediaLoadError('too-large', `the ${described} holds ${bytes.length} bytes, more than the ${maxBytes}-byte limit`);
    }
  }
  return { mediaType: resolveImageType(declaredType, bytes, described), data: bytes.toString('base64') };
}
