import { classifyAddress, isMetadataHostName } from './classify-address';
import { sniffImageType } from './sniff-image-type';
import { GIF_BYTES, JPEG_BYTES, PNG_BYTES, WEBP_BYTES } from '../../test/helpers/start-fake-label-studio';

describe('classifyAddress', () => {
  it.each([
    ['169.254.169.254', 'forbidden'],
    ['[fe80::1]', 'forbidden'],
    ['::ffff:169.254.169.254', 'forbidden'],
    ['fd00:ec2::254', 'forbidden'],
    ['100.100.100.200', 'forbidden'],
    ['0.0.0.0', 'forbidden'],
    ['::', 'forbidden'],
    ['224.0.0.1', 'forbidden'],
    ['127.0.0.1', 'private'],
    ['[::1]', 'private'],
    ['10.1.2.3', 'private'],
    ['172.20.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['8.8.8.8', 'public'],
    ['2606:4700::1111', 'public'],
  ])('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it('leaves host names alone', () => {
    expect(classifyAddress('example.com')).toBeUndefined();
  });

  it('knows the metadata host names', () => {
    expect(isMetadataHostName('metadata.google.internal.')).toBe(true);
    expect(isMetadataHostName('Metadata')).toBe(true);
    expect(isMetadataHostName('images.example.com')).toBe(false);
  });
});

describe('sniffImageType', () => {
  it.each([
    [PNG_BYTES, 'image/png'],
    [JPEG_BYTES, 'image/jpeg'],
    [GIF_BYTES, 'image/gif'],
    [Buffer.from('GIF87a...'), 'image/gif'],
    [WEBP_BYTES, 'image/webp'],
  ])('recognises %#', (bytes, mediaType) => {
    expect(sniffImageType(bytes)).toBe(mediaType);
  });

  it.each([Buffer.alloc(0), Buffer.from('RIFF\0\0\0\0WAVE'), Buffer.from('<svg/>'), PNG_BYTES.subarray(0, 4)])('rejects %#', (bytes) => {
    expect(sniffImageType(bytes)).toBeUndefined();
  });
});
