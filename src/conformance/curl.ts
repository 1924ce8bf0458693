// A curl command that repeats a request. The configured key never appears: it is read from
// $DEEPSEEK_API_KEY when the command runs.

function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export interface CurlInput {
  url: string;
  body: string;
  /** The key that was sent, or undefined when none was. */
  key?: string;
  /** True when the key is the configured (secret) one, false for a deliberately invalid key. */
  secret: boolean;
  stream: boolean;
}

export function curlCommand(input: CurlInput): string {
  const parts = ['curl', '-sS'];
  if (input.stream) parts.push('-N');
  parts.push(quote(input.url));
  if (input.key !== undefined) parts.push('-H', input.secret ? '"Authorization: Bearer $DEEPSEEK_API_KEY"' : quote(`Authorization: Bearer ${input.key}`));
  parts.push('-H', quote('Content-Type: application/json'), '-d', quote(input.body));
  return parts.join(' ');
}
