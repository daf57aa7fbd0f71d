import { HostAllowList } from './host-allow-list';

function allows(entries: string[], url: string): boolean {
  return new HostAllowList(entries).allows(new URL(url));
}

describe('HostAllowList', () => {
  it('matches exact host names, ignoring case and a trailing dot', () => {
    expect(allows(['Images.Example.com'], 'https://images.example.com/x.png')).toBe(true);
    expect(allows(['images.example.com'], 'https://IMAGES.example.com./x.png')).toBe(true);
    expect(allows(['images.example.com'], 'https://cdn.images.example.com/x.png')).toBe(false);
    expect(allows(['images.example.com'], 'https://images.example.com.evil.test/x.png')).toBe(false);
  });

  it('matches subdomains for *.example.com, not the domain itself', () => {
    expect(allows(['*.example.com'], 'https://a.example.com/x.png')).toBe(true);
    expect(allows(['*.example.com'], 'https://a.b.example.com/x.png')).toBe(true);
    expect(allows(['*.example.com'], 'https://example.com/x.png')).toBe(false);
    expect(allows(['*.example.com'], 'https://badexample.com/x.png')).toBe(false);
  });

  it('matches the port when the entry names one, the default port included', () => {
    expect(allows(['127.0.0.1:9000'], 'http://127.0.0.1:9000/x.png')).toBe(true);
    expect(allows(['127.0.0.1:9000'], 'http://127.0.0.1:9001/x.png')).toBe(false);
    expect(allows(['images.example.com:443'], 'https://images.example.com/x.png')).toBe(true);
    expect(allows(['images.example.com:443'], 'http://images.example.com/x.png')).toBe(false);
    expect(allows(['images.example.com'], 'http://images.example.com:8080/x.png')).toBe(true);
  });

  it('accepts IPv6 addresses with or without brackets, and URLs', () => {
    expect(allows(['[::1]:8080'], 'http://[::1]:8080/x.png')).toBe(true);
    expect(allows(['::1'], 'http://[::1]:1234/x.png')).toBe(true);
    expect(allows(['https://images.example.com'], 'https://images.example.com/x.png')).toBe(true);
  });

  it('compares normalised IPv4 addresses', () => {
    expect(allows(['127.0.0.1'], 'http://2130706433/x.png')).toBe(true);
    expect(allows(['10.0.0.5'], 'http://10.0.0.6/x.png')).toBe(false);
  });

  it('allows nothing when empty', () => {
    expect(allows([], 'https://images.example.com/x.png')).toBe(false);
  });

  it('lists every entry that is not a host', () => {
    let problems: string[] = [];
    try {
      new HostAllowList(['*', '*.com', '*.10.0.0.1', 'a b', 'host:99999', 'https://x.example.com/path', 'user@host', 'fine.example.com']);
    } catch (error) {
      expect(error).toMatchObject({ code: 'PROJECT_CONFIG_INVALID' });
      problems = (error as { problems: string[] }).problems;
    }
    expect(problems).toHaveLength(7);
    expect(problems[0]).toMatch(/^allowedHosts\[0\] "\*"/);
  });
});
