import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfigText } from './load.js';

const route = `
routes:
  - model: chat
    targets:
      - provider: openai
        baseUrl: https://api.openai.com/v1
        model: gpt-4o-mini
        apiKey: \${OPENAI_KEY}
`;

function issues(text: string, env: NodeJS.ProcessEnv = {}) {
  const result = parseConfigText(text, env);
  assert.equal(result.ok, false);
  return result.ok ? [] : result.issues;
}

describe('parseConfigText', () => {
  it('applies safe defaults to an empty file', () => {
    const result = parseConfigText('', {});
    assert.ok(result.ok);
    assert.equal(result.config.server.host, '127.0.0.1');
    assert.equal(result.config.server.port, 8080);
    assert.equal(result.config.server.bodyLimitBytes, 4 * 1024 * 1024);
    assert.deepEqual(result.config.routes, []);
  });

  it('interpolates environment variables, with defaults and escapes', () => {
    const result = parseConfigText(`server:\n  port: \${PORT}\n  host: \${HOST:-127.0.0.2}\n${route}dataDir: "$\${literal}"\n`, { PORT: '9090', OPENAI_KEY: 'sk-x' });
    assert.ok(result.ok);
    assert.equal(result.config.server.port, 9090);
    assert.equal(result.config.server.host, '127.0.0.2');
    assert.equal(result.config.routes[0]?.targets[0]?.apiKey, 'sk-x');
    assert.equal(result.config.dataDir, '${literal}');
  });

  it('reports a missing variable with its path', () => {
    assert.deepEqual(
      issues(route).map((i) => i.path),
      ['routes.0.targets.0.apiKey'],
    );
  });

  it('reports every error at once, each with its path', () => {
    const found = issues(`server:\n  port: 70000\n  bogus: 1\nroutes:\n  - model: a\n    targets:\n      - provider: nope\n        baseUrl: ftp://x\n        model: m\n`);
    const paths = found.map((i) => i.path).sort();
    assert.deepEqual(paths, ['routes.0.targets.0.baseUrl', 'routes.0.targets.0.provider', 'server', 'server.port']);
  });

  it('refuses a non-loopback bind without TLS unless told otherwise', () => {
    assert.deepEqual(issues('server:\n  host: 0.0.0.0\n').map((i) => i.path), ['server.host']);
    assert.ok(parseConfigText('server:\n  host: 0.0.0.0\n  allowInsecureBind: true\n', {}).ok);
    assert.ok(parseConfigText('server:\n  host: "::1"\n', {}).ok);
  });

  it('refuses two routes for one model name', () => {
    const twice = `routes:\n  - model: a\n    targets: [{provider: openai, baseUrl: "http://127.0.0.1:1/v1", model: m}]\n  - model: a\n    targets: [{provider: openai, baseUrl: "http://127.0.0.1:1/v1", model: m}]\n`;
    assert.deepEqual(issues(twice).map((i) => i.path), ['routes.1.model']);
  });

  it('reports YAML syntax errors instead of throwing', () => {
    assert.equal(issues('routes: [\n').length > 0, true);
  });
});
